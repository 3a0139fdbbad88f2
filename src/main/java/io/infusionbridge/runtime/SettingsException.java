package io.infusionbridge.runtime;

/** A missing or malformed setting: its message is the one line a user needs to fix it. */
public class SettingsException extends RuntimeException {

    public SettingsException(String message) {
        super(message);
    }
}
