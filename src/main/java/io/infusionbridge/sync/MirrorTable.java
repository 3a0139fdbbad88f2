package io.infusionbridge.sync;

import io.infusionbridge.infusion.EntityType;

import java.util.List;
import java.util.Map;

/** Where one entity lives in the mirror: its table and the columns taken from the record's fields. */
public record MirrorTable(EntityType entity, String table, List<Column> columns) {

    /** A queryable column filled from a top-level field of the record (by its contract name). */
    public record Column(String name, String field, Kind kind) {
    }

    public enum Kind { TEXT, UUID, DECIMAL, DATE }

    private static final Map<EntityType, MirrorTable> TABLES = Map.of(
            EntityType.PRODUCTS, new MirrorTable(EntityType.PRODUCTS, "products", List.of(
                    new Column("code", "code", Kind.TEXT),
                    new Column("description", "description", Kind.TEXT),
                    new Column("product_group", "productGroup", Kind.TEXT),
                    new Column("sell_price", "sellPrice", Kind.DECIMAL),
                    new Column("image_url", "imageUrl", Kind.TEXT))),
            EntityType.CUSTOMERS, new MirrorTable(EntityType.CUSTOMERS, "customers", List.of(
                    new Column("code", "code", Kind.TEXT),
                    new Column("name", "name", Kind.TEXT),
                    new Column("email", "email", Kind.TEXT),
                    new Column("customer_group", "customerGroup", Kind.TEXT),
                    new Column("default_discount_percent", "defaultDiscountPercent", Kind.DECIMAL))),
            EntityType.CUSTOMER_INVOICES, new MirrorTable(EntityType.CUSTOMER_INVOICES, "customer_invoices", List.of(
                    new Column("invoice_number", "invoiceNumber", Kind.TEXT),
                    new Column("customer_uuid", "customerUuid", Kind.UUID),
                    new Column("invoice_date", "invoiceDate", Kind.DATE),
                    new Column("status", "status", Kind.TEXT),
                    new Column("courier_reference", "courierReference", Kind.TEXT),
                    new Column("delivery_status_code", "deliveryStatusCode", Kind.TEXT),
                    new Column("total", "total", Kind.DECIMAL))),
            EntityType.CUSTOMER_CONTRACT_RATES, new MirrorTable(EntityType.CUSTOMER_CONTRACT_RATES, "customer_contract_rates", List.of(
                    new Column("customer_uuid", "customerUuid", Kind.UUID),
                    new Column("product_uuid", "productUuid", Kind.UUID),
                    new Column("price", "price", Kind.DECIMAL),
                    new Column("start_date", "startDate", Kind.DATE),
                    new Column("end_date", "endDate", Kind.DATE))),
            EntityType.PRODUCT_PROMOTIONAL_PRICES, new MirrorTable(EntityType.PRODUCT_PROMOTIONAL_PRICES, "product_promotional_prices", List.of(
                    new Column("product_uuid", "productUuid", Kind.UUID),
                    new Column("price", "price", Kind.DECIMAL),
                    new Column("start_date", "startDate", Kind.DATE),
                    new Column("end_date", "endDate", Kind.DATE))),
            EntityType.DISCOUNT_MATRIX_ENTRIES, new MirrorTable(EntityType.DISCOUNT_MATRIX_ENTRIES, "discount_matrix_entries", List.of(
                    new Column("customer_group", "customerGroup", Kind.TEXT),
                    new Column("product_group", "productGroup", Kind.TEXT),
                    new Column("discount_percent", "discountPercent", Kind.DECIMAL))));

    public static MirrorTable of(EntityType entity) {
        return TABLES.get(entity);
    }
}
