package io.infusionbridge.infusion;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The one place that knows the API contract's paths, header names and field names.
 * Every name can be overridden with {@code infusion.contract.<kind>.<name>=...} in config, so a user
 * adapts the bridge to the real instance's {@code /api-doc} without touching Java.
 */
public final class InfusionContract {

    public static final String PREFIX = "infusion.contract.";

    private static final Map<String, String> DEFAULTS = defaults0();

    private final Map<String, String> names;

    private InfusionContract(Map<String, String> names) {
        this.names = Collections.unmodifiableMap(names);
    }

    public static InfusionContract defaults() {
        return new InfusionContract(new LinkedHashMap<>(DEFAULTS));
    }

    /** Reads overrides from {@code infusion.contract.*}; an unknown key fails with its name. */
    public static InfusionContract from(Properties properties) {
        Map<String, String> names = new LinkedHashMap<>(DEFAULTS);
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            String name = key.substring(PREFIX.length());
            if (!DEFAULTS.containsKey(name)) {
                throw new IllegalArgumentException("setting " + key + " is not part of the contract: the names that can be overridden are "
                        + String.join(", ", DEFAULTS.keySet().stream().map(k -> PREFIX + k).toList()));
            }
            String value = properties.getProperty(key).trim();
            if (value.isEmpty()) {
                throw new IllegalArgumentException("setting " + key + " is empty");
            }
            names.put(name, value);
        }
        return new InfusionContract(names);
    }

    public String header(String name) {
        return lookup("header." + name);
    }

    public String field(String name) {
        return lookup("field." + name);
    }

    public String param(String name) {
        return lookup("param." + name);
    }

    /** The path of one entity's collection, e.g. {@code /customerInvoices}. */
    public String entityPath(EntityType type) {
        return lookup("path." + type.key());
    }

    public String entityPath(EntityType type, String uuid) {
        return entityPath(type) + "/" + uuid;
    }

    public String searchPath(EntityType type) {
        return entityPath(type) + lookup("path.search-suffix");
    }

    public String syncPath(EntityType type) {
        return lookup("path.sync-prefix") + entityPath(type);
    }

    public String syncCursorPath(EntityType type) {
        return syncPath(type) + lookup("path.sync-cursor-suffix");
    }

    public String path(String name) {
        return lookup("path." + name);
    }

    public Map<String, String> names() {
        return names;
    }

    private String lookup(String key) {
        String value = names.get(key);
        if (value == null) {
            throw new IllegalStateException("the contract has no name " + key);
        }
        return value;
    }

    private static Map<String, String> defaults0() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("header.license", "licenseUuid");
        d.put("header.session", "sessionUuid");
        d.put("header.retry-after", "Retry-After");
        for (EntityType type : EntityType.values()) {
            d.put("path." + type.key(), "/" + type.key());
        }
        d.put("path.sync-prefix", "/sync");
        d.put("path.sync-cursor-suffix", "/cursor");
        d.put("path.search-suffix", "/search");
        d.put("path.pending-invoices", "/pendingInvoices");
        d.put("path.delivery-statuses", "/invoiceDeliveryStatuses");
        d.put("path.webhooks", "/webhooks");
        d.put("param.page-size", "pageSize");
        d.put("param.offset", "offset");
        d.put("param.limit", "limit");
        d.put("param.text", "q");
        for (String field : new String[] {
                "uuid", "versionNumber", "createdTimestamp", "modifiedTimestamp", "deletedTimestamp",
                "items", "moreAvailable", "offset", "limit", "total",
                "error", "message", "fieldErrors", "field", "rule", "currentVersionNumber",
                "code", "name", "description", "productGroup", "sellPrice", "imageUrl",
                "email", "customerGroup", "defaultDiscountPercent", "deliveryAddress",
                "invoiceNumber", "customerUuid", "invoiceDate", "status", "courierReference", "deliveryStatusCode",
                "productUuid", "price", "startDate", "endDate", "discountPercent",
                "entityType", "url", "authHeaderName", "authHeaderValue", "eventTimestamp"}) {
            d.put("field." + field, field);
        }
        return d;
    }
}
