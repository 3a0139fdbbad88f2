package io.infusionbridge.infusion;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** One page of a search: {@code items} from {@code offset}, of {@code total} matches. */
public record SearchResult(List<JsonNode> items, int offset, int limit, int total) {

    public SearchResult {
        items = List.copyOf(items);
    }
}
