package io.infusionbridge.infusion.error;

/** Retries were exhausted or the circuit breaker is open: Infusion looks down, so it is not asked again for a while. */
public class InfusionUnavailableException extends InfusionException {

    public InfusionUnavailableException(String method, String path, String reason, Throwable cause) {
        super(0, "UNAVAILABLE", method, path, "Infusion is unavailable for " + method + " " + path + ": " + reason, cause);
    }
}
