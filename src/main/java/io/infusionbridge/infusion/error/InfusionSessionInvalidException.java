package io.infusionbridge.infusion.error;

/** 401 SESSION_INVALID: the session ID was superseded or expired, or the licence is wrong. */
public class InfusionSessionInvalidException extends InfusionException {

    private final boolean paused;

    public InfusionSessionInvalidException(String method, String path) {
        this(method, path, "INFUSION_SESSION_UUID (infusion.session-uuid)", false);
    }

    /**
     * @param whereToPutIt where the user puts the new session ID
     * @param paused       true when the request was not even sent, because the bridge is paused on this session
     */
    public InfusionSessionInvalidException(String method, String path, String whereToPutIt, boolean paused) {
        super(401, "SESSION_INVALID", method, path, (paused ? "paused, not sent: " + method + " " + path + ": " : "")
                + "Infusion refused the session" + (paused ? "" : " on " + method + " " + path)
                + ": a new session ID was generated in Infusion, or it expired after 60 days unused, or the licence UUID is wrong;"
                + " put the current session ID in " + whereToPutIt
                + (paused ? "; the bridge checks again at most once a minute and resumes on its own" : ""));
        this.paused = paused;
    }

    /** True when the bridge did not send the request because the session is known to be refused. */
    public boolean paused() {
        return paused;
    }
}
