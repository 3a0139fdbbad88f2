package io.infusionbridge.sync;

import java.util.Map;

/**
 * What storing changes did to the mirror. {@code deleted} counts deletions applied (a subset of updated or
 * inserted). {@code changes} names each record a page changed ({@code created}, {@code updated} or
 * {@code deleted}, by UUID); sums of several pages keep the counts only.
 */
public record SyncOutcome(int inserted, int updated, int deleted, int unchanged, Map<String, String> changes) {

    public static final SyncOutcome NONE = new SyncOutcome(0, 0, 0, 0, Map.of());

    public SyncOutcome plus(SyncOutcome other) {
        return new SyncOutcome(inserted + other.inserted, updated + other.updated, deleted + other.deleted,
                unchanged + other.unchanged, Map.of());
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
