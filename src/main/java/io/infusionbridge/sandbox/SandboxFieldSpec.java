package io.infusionbridge.sandbox;

import io.infusionbridge.infusion.EntityType;

import java.util.LinkedHashMap;
import java.util.Map;

/** The fields of each entity as the contract describes them: which may be written, and of what type. */
record SandboxFieldSpec(String name, Kind kind, boolean nullable, boolean readOnly, int maxLength) {

    enum Kind { TEXT, DECIMAL, DATE, UUID, ADDRESS, STATUS_CODE, LINES, TIMESTAMP, ENUM }

    static final Map<EntityType, Map<String, SandboxFieldSpec>> FIELDS = new LinkedHashMap<>();

    static {
        define(EntityType.PRODUCTS,
                text("code"), text("description"), text("productGroup"), of("sellPrice", Kind.DECIMAL),
                nullable("imageUrl", Kind.TEXT));
        define(EntityType.CUSTOMERS,
                text("code"), text("name"), text("email"), text("customerGroup"),
                of("defaultDiscountPercent", Kind.DECIMAL), nullable("deliveryAddress", Kind.ADDRESS));
        define(EntityType.CUSTOMER_INVOICES,
                readOnly("invoiceNumber", Kind.TEXT), of("customerUuid", Kind.UUID), of("invoiceDate", Kind.DATE),
                readOnly("status", Kind.ENUM),
                new SandboxFieldSpec("courierReference", Kind.TEXT, true, false, 50),
                nullable("deliveryStatusCode", Kind.STATUS_CODE), nullable("deliveryAddress", Kind.ADDRESS),
                readOnly("lines", Kind.LINES), readOnly("total", Kind.DECIMAL));
        define(EntityType.CUSTOMER_CONTRACT_RATES,
                of("customerUuid", Kind.UUID), of("productUuid", Kind.UUID), of("price", Kind.DECIMAL),
                of("startDate", Kind.DATE), nullable("endDate", Kind.DATE));
        define(EntityType.PRODUCT_PROMOTIONAL_PRICES,
                of("productUuid", Kind.UUID), of("price", Kind.DECIMAL), of("startDate", Kind.DATE), nullable("endDate", Kind.DATE));
        define(EntityType.DISCOUNT_MATRIX_ENTRIES,
                text("customerGroup"), text("productGroup"), of("discountPercent", Kind.DECIMAL));
    }

    private static void define(EntityType type, SandboxFieldSpec... specs) {
        Map<String, SandboxFieldSpec> fields = new LinkedHashMap<>();
        fields.put("uuid", readOnly("uuid", Kind.UUID));
        fields.put("versionNumber", readOnly("versionNumber", Kind.DECIMAL));
        fields.put("createdTimestamp", readOnly("createdTimestamp", Kind.TIMESTAMP));
        fields.put("modifiedTimestamp", readOnly("modifiedTimestamp", Kind.TIMESTAMP));
        fields.put("deletedTimestamp", readOnly("deletedTimestamp", Kind.TIMESTAMP));
        for (SandboxFieldSpec spec : specs) {
            fields.put(spec.name(), spec);
        }
        FIELDS.put(type, fields);
    }

    private static SandboxFieldSpec text(String name) {
        return new SandboxFieldSpec(name, Kind.TEXT, false, false, 0);
    }

    private static SandboxFieldSpec of(String name, Kind kind) {
        return new SandboxFieldSpec(name, kind, false, false, 0);
    }

    private static SandboxFieldSpec nullable(String name, Kind kind) {
        return new SandboxFieldSpec(name, kind, true, false, 0);
    }

    private static SandboxFieldSpec readOnly(String name, Kind kind) {
        return new SandboxFieldSpec(name, kind, true, true, 0);
    }
}
