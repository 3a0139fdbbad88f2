package io.infusionbridge.infusion.component;

/** What an {@code infusion:<operation>/<entity>} producer does. */
public enum InfusionOperation {
    /** Body in: nothing; header {@code InfusionUuid}. Body out: the entity. */
    get,
    /** Body in: a map of the fields to change; headers {@code InfusionUuid}, {@code InfusionVersionNumber}. Body out: the updated entity. */
    update,
    /** Body in: a map of field criteria (and {@code q} for text). Body out: a {@code SearchResult}. */
    search,
    /** Sends the entity's sync cursor back to the start, as a full resync does. */
    resetCursor
}
