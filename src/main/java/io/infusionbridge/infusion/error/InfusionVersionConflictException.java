package io.infusionbridge.infusion.error;

/** 409 VERSION_CONFLICT: the write carried a stale versionNumber; Infusion's current one is attached. */
public class InfusionVersionConflictException extends InfusionException {

    private final long sentVersion;
    private final Long currentVersion;

    public InfusionVersionConflictException(String method, String path, long sentVersion, Long currentVersion) {
        super(409, "VERSION_CONFLICT", method, path, "Infusion refused " + method + " " + path + ": it was written with version "
                + sentVersion + " but Infusion holds version " + (currentVersion == null ? "(not given)" : currentVersion)
                + "; sync the record and try again");
        this.sentVersion = sentVersion;
        this.currentVersion = currentVersion;
    }

    public long sentVersion() {
        return sentVersion;
    }

    /** Infusion's current version, when its answer said. */
    public Long currentVersion() {
        return currentVersion;
    }
}
