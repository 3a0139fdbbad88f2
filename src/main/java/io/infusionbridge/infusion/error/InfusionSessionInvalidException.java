package io.infusionbridge.infusion.error;

/** 401 SESSION_INVALID: the session ID was superseded or expired, or the licence is wrong. */
public class InfusionSessionInvalidException extends InfusionException {

    public InfusionSessionInvalidException(String method, String path) {
        super(401, "SESSION_INVALID", method, path, "Infusion refused the session on " + method + " " + path
                + ": a new session ID was generated in Infusion, or it expired after 60 days unused, or the licence UUID is wrong;"
                + " put the current session ID in INFUSION_SESSION_UUID (infusion.session-uuid)");
    }
}
