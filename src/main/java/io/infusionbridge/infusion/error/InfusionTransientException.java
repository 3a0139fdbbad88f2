package io.infusionbridge.infusion.error;

/** A fault worth retrying: a 5xx answer, a timeout or a dropped connection. */
public class InfusionTransientException extends InfusionException {

    public InfusionTransientException(int status, String method, String path, String detail, Throwable cause) {
        super(status, status == 0 ? "NO_ANSWER" : "SERVER_ERROR", method, path,
                "Infusion did not answer " + method + " " + path + " properly: " + detail, cause);
    }
}
