package io.infusionbridge.infusion;

/** The two tokens every request carries. {@link #toString()} masks them, so a log line cannot leak them. */
public record InfusionCredentials(String licenseUuid, String sessionUuid) {

    @Override
    public String toString() {
        return "InfusionCredentials[licence " + Secrets.mask(licenseUuid) + ", session " + Secrets.mask(sessionUuid) + "]";
    }
}
