package io.infusionbridge.sync;

/** What storing changes did to the mirror. {@code deleted} counts deletions applied (a subset of updated or inserted). */
public record SyncOutcome(int inserted, int updated, int deleted, int unchanged) {

    public static final SyncOutcome NONE = new SyncOutcome(0, 0, 0, 0);

    public SyncOutcome plus(SyncOutcome other) {
        return new SyncOutcome(inserted + other.inserted, updated + other.updated, deleted + other.deleted,
                unchanged + other.unchanged);
    }

    /** Records the mirror did not hold as they are now. */
    public int changed() {
        return inserted + updated;
    }

    @Override
    public String toString() {
        return inserted + " new, " + updated + " changed (" + deleted + " of them deletions), " + unchanged + " already current";
    }
}
