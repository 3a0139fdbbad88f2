package io.infusionbridge.infusion;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** One answer of Data Synchronisation: the next changes after the server's cursor. */
public record SyncPage(EntityType type, List<JsonNode> items, boolean moreAvailable) {

    public SyncPage {
        items = List.copyOf(items);
    }

    public int size() {
        return items.size();
    }

    @Override
    public String toString() {
        return "SyncPage[" + type + ", " + items.size() + " items, moreAvailable=" + moreAvailable + "]";
    }
}
