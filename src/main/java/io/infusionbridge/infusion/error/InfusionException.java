package io.infusionbridge.infusion.error;

/**
 * An answer of the Infusion API that is not a success, as a value a person can act on.
 * Messages name the operation ({@code PUT /customerInvoices/…}) and never carry a token.
 */
public class InfusionException extends RuntimeException {

    private final int status;
    private final String errorCode;
    private final String method;
    private final String path;

    public InfusionException(int status, String errorCode, String method, String path, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
        this.method = method;
        this.path = path;
    }

    public InfusionException(int status, String errorCode, String method, String path, String message) {
        this(status, errorCode, method, path, message, null);
    }

    /** The HTTP status, or 0 when no answer came (dropped connection, timeout, circuit open). */
    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** {@code GET /sync/products}: the operation that was refused. */
    public String operation() {
        return method + " " + path;
    }
}
