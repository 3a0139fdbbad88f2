package io.infusionbridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infusionbridge.infusion.EntityType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The sandbox's data: every entity with its history of change, and the server-side sync cursors.
 * Changes get a sequence number; sync reads in that order, which is the order of modifiedTimestamp.
 */
final class SandboxStore {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private record Cursor(long afterSequence, Instant resetAt) {
    }

    private final SandboxClock clock;
    private final Map<EntityType, Map<String, ObjectNode>> records = new EnumMap<>(EntityType.class);
    private final Map<EntityType, Map<String, Long>> sequenceOf = new EnumMap<>(EntityType.class);
    private final Map<EntityType, TreeMap<Long, String>> changeOrder = new EnumMap<>(EntityType.class);
    private final Map<EntityType, Cursor> cursors = new EnumMap<>(EntityType.class);
    private final Map<String, String> deliveryStatuses = new java.util.LinkedHashMap<>();
    private final List<Consumer<EntityType>> changeListeners = new ArrayList<>();
    private long sequence;

    SandboxStore(SandboxClock clock) {
        this.clock = clock;
        clear();
    }

    synchronized void clear() {
        for (EntityType type : EntityType.values()) {
            records.put(type, new HashMap<>());
            sequenceOf.put(type, new HashMap<>());
            changeOrder.put(type, new TreeMap<>());
            cursors.put(type, new Cursor(0, null));
        }
        deliveryStatuses.clear();
    }

    void onChange(Consumer<EntityType> listener) {
        changeListeners.add(listener);
    }

    synchronized void putDeliveryStatus(String code, String name) {
        deliveryStatuses.put(code, name);
    }

    synchronized Map<String, String> deliveryStatuses() {
        return Map.copyOf(deliveryStatuses);
    }

    synchronized ArrayNode deliveryStatusList() {
        ArrayNode list = JSON.arrayNode();
        deliveryStatuses.forEach((code, name) -> list.addObject().put("code", code).put("name", name));
        return list;
    }

    /** Creates a record from {@code fields} (a uuid may be given, for deterministic seeds). */
    ObjectNode create(EntityType type, ObjectNode fields) {
        ObjectNode created;
        synchronized (this) {
            String uuid = fields.hasNonNull("uuid") ? fields.get("uuid").asText() : java.util.UUID.randomUUID().toString();
            String now = SandboxClock.format(clock.changeTime());
            created = JSON.objectNode();
            created.put("uuid", uuid);
            created.put("versionNumber", 0);
            created.put("createdTimestamp", now);
            created.put("modifiedTimestamp", now);
            created.putNull("deletedTimestamp");
            fields.fieldNames().forEachRemaining(name -> {
                if (!created.has(name)) {
                    created.set(name, fields.get(name).deepCopy());
                }
            });
            records.get(type).put(uuid, created);
            touch(type, uuid);
        }
        notifyChange(type);
        return created.deepCopy();
    }

    /** Applies {@code fields} to a live record: version +1, new modifiedTimestamp. Null when unknown or deleted. */
    ObjectNode change(EntityType type, String uuid, ObjectNode fields) {
        ObjectNode changed;
        synchronized (this) {
            ObjectNode record = records.get(type).get(uuid);
            if (record == null || !record.get("deletedTimestamp").isNull()) {
                return null;
            }
            fields.fieldNames().forEachRemaining(name -> {
                if (!name.equals("versionNumber") && !name.equals("uuid")) {
                    record.set(name, fields.get(name).deepCopy());
                }
            });
            record.put("versionNumber", record.get("versionNumber").asLong() + 1);
            record.put("modifiedTimestamp", SandboxClock.format(clock.changeTime()));
            touch(type, uuid);
            changed = record.deepCopy();
        }
        notifyChange(type);
        return changed;
    }

    /** Marks a record deleted; it stays, with its deletedTimestamp, so sync can report the deletion. */
    boolean delete(EntityType type, String uuid) {
        synchronized (this) {
            ObjectNode record = records.get(type).get(uuid);
            if (record == null || !record.get("deletedTimestamp").isNull()) {
                return false;
            }
            String now = SandboxClock.format(clock.changeTime());
            record.put("versionNumber", record.get("versionNumber").asLong() + 1);
            record.put("modifiedTimestamp", now);
            record.put("deletedTimestamp", now);
            touch(type, uuid);
        }
        notifyChange(type);
        return true;
    }

    /** A live record, or null. */
    synchronized ObjectNode get(EntityType type, String uuid) {
        ObjectNode record = records.get(type).get(uuid);
        return record == null || !record.get("deletedTimestamp").isNull() ? null : record.deepCopy();
    }

    /** Every record, deleted ones included, in change order. */
    synchronized List<ObjectNode> all(EntityType type) {
        List<ObjectNode> all = new ArrayList<>();
        for (String uuid : changeOrder.get(type).values()) {
            all.add(records.get(type).get(uuid).deepCopy());
        }
        return all;
    }

    synchronized int count(EntityType type) {
        return records.get(type).size();
    }

    /**
     * The next page after the cursor; the cursor moves past it now, as Infusion's does when it answers.
     * {@code fullPageMeansMore}: a full page says more is available even when nothing is left.
     */
    synchronized ObjectNode syncPage(EntityType type, int pageSize, boolean fullPageMeansMore) {
        Cursor cursor = cursors.get(type);
        ArrayNode items = JSON.arrayNode();
        long last = cursor.afterSequence();
        Iterator<Map.Entry<Long, String>> changes = changeOrder.get(type).tailMap(cursor.afterSequence(), false).entrySet().iterator();
        while (items.size() < pageSize && changes.hasNext()) {
            Map.Entry<Long, String> change = changes.next();
            last = change.getKey();
            ObjectNode record = records.get(type).get(change.getValue());
            JsonNode deleted = record.get("deletedTimestamp");
            // After a reset only deletions made since the reset are sent again.
            if (cursor.resetAt() != null && !deleted.isNull() && Instant.parse(deleted.asText()).isBefore(cursor.resetAt())) {
                continue;
            }
            items.add(record.deepCopy());
        }
        cursors.put(type, new Cursor(last, cursor.resetAt()));
        ObjectNode page = JSON.objectNode();
        page.set("items", items);
        page.put("moreAvailable", fullPageMeansMore ? items.size() == pageSize : !changeOrder.get(type).tailMap(last, false).isEmpty());
        return page;
    }

    synchronized void resetCursor(EntityType type) {
        cursors.put(type, new Cursor(0, clock.now()));
    }

    /** Live records whose fields equal {@code criteria} and whose text contains {@code text}, case ignored. */
    synchronized List<ObjectNode> search(EntityType type, Map<String, String> criteria, String text) {
        List<ObjectNode> found = new ArrayList<>();
        String needle = text == null ? null : text.toLowerCase(Locale.ROOT);
        for (String uuid : changeOrder.get(type).values()) {
            ObjectNode record = records.get(type).get(uuid);
            if (!record.get("deletedTimestamp").isNull()) {
                continue;
            }
            boolean matches = criteria.entrySet().stream().allMatch(c -> record.has(c.getKey())
                    && record.get(c.getKey()).asText().equalsIgnoreCase(c.getValue()));
            if (matches && needle != null && !needle.isEmpty()) {
                matches = containsText(record, needle);
            }
            if (matches) {
                found.add(record.deepCopy());
            }
        }
        return found;
    }

    private static boolean containsText(JsonNode node, String needle) {
        if (node.isTextual()) {
            return node.asText().toLowerCase(Locale.ROOT).contains(needle);
        }
        for (JsonNode child : node) {
            if (containsText(child, needle)) {
                return true;
            }
        }
        return false;
    }

    private void touch(EntityType type, String uuid) {
        Long previous = sequenceOf.get(type).put(uuid, ++sequence);
        if (previous != null) {
            changeOrder.get(type).remove(previous);
        }
        changeOrder.get(type).put(sequence, uuid);
    }

    private void notifyChange(EntityType type) {
        changeListeners.forEach(l -> l.accept(type));
    }
}
