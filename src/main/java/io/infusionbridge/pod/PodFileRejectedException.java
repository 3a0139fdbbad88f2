package io.infusionbridge.pod;

/** A carrier file that cannot be read at all (binary, empty, wrong columns, broken quoting): it goes to failed/. */
public class PodFileRejectedException extends RuntimeException {

    public PodFileRejectedException(String reason) {
        super(reason);
    }

    public PodFileRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
