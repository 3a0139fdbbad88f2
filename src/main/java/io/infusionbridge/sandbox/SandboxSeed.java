package io.infusionbridge.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infusionbridge.infusion.EntityType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Deterministic seed data: the same UUIDs and values on every start, including the invoices
 * INV-100001 to INV-100200 (INVOICED, no courier reference, status RTS) the sample carrier files name.
 */
final class SandboxSeed {

    static final int PRODUCTS = 40;
    static final int CUSTOMERS = 25;
    static final int INVOICES = 200;
    static final int CONTRACT_RATES = 30;
    static final int PROMOTIONAL_PRICES = 15;
    static final String FIRST_INVOICE_NUMBER = "INV-100001";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> PRODUCT_GROUPS = List.of("FOOD", "HARDWARE", "CLEANING", "PAPER");
    private static final List<String> CUSTOMER_GROUPS = List.of("RETAIL", "WHOLESALE", "TRADE");
    private static final List<String> CITIES = List.of("Auckland", "Hamilton", "Wellington", "Christchurch", "Dunedin");
    private static final LocalDate START = LocalDate.of(2026, 11, 2);

    private SandboxSeed() {
    }

    static void seed(SandboxStore store) {
        for (String[] status : new String[][] {{"TBP", "To be picked"}, {"PKD", "Picked"}, {"RTS", "Ready to send"},
                {"INTR", "In transit"}, {"DELV", "Delivered"}, {"DEXC", "Delivery exception"}}) {
            store.putDeliveryStatus(status[0], status[1]);
        }
        for (int i = 1; i <= PRODUCTS; i++) {
            ObjectNode p = withUuid(EntityType.PRODUCTS, i);
            p.put("code", String.format("P-%04d", 1000 + i));
            p.put("description", "Product " + i + " " + PRODUCT_GROUPS.get(i % 4).toLowerCase());
            p.put("productGroup", PRODUCT_GROUPS.get(i % 4));
            p.put("sellPrice", price(i));
            if (i % 5 == 0) {
                p.putNull("imageUrl");
            } else {
                p.put("imageUrl", "https://images.example.com/p/" + (1000 + i) + ".jpg");
            }
            store.create(EntityType.PRODUCTS, p);
        }
        for (int i = 1; i <= CUSTOMERS; i++) {
            ObjectNode c = withUuid(EntityType.CUSTOMERS, i);
            c.put("code", String.format("C-%03d", i));
            c.put("name", "Customer " + i + " Ltd");
            c.put("email", "accounts" + i + "@customer" + i + ".example.com");
            c.put("customerGroup", CUSTOMER_GROUPS.get(i % 3));
            c.put("defaultDiscountPercent", new BigDecimal(i % 3 * 5));
            c.set("deliveryAddress", address(i));
            store.create(EntityType.CUSTOMERS, c);
        }
        for (int i = 1; i <= INVOICES; i++) {
            store.create(EntityType.CUSTOMER_INVOICES, invoice(i, 100_000 + i, "INVOICED"));
        }
        for (int i = 1; i <= CONTRACT_RATES; i++) {
            ObjectNode r = withUuid(EntityType.CUSTOMER_CONTRACT_RATES, i);
            r.put("customerUuid", uuid(EntityType.CUSTOMERS, 1 + i % CUSTOMERS));
            r.put("productUuid", uuid(EntityType.PRODUCTS, 1 + (i * 7) % PRODUCTS));
            r.put("price", price(i).multiply(new BigDecimal("0.90")).setScale(2, RoundingMode.HALF_UP));
            r.put("startDate", START.toString());
            if (i % 2 == 0) {
                r.put("endDate", START.plusMonths(6).toString());
            } else {
                r.putNull("endDate");
            }
            store.create(EntityType.CUSTOMER_CONTRACT_RATES, r);
        }
        for (int i = 1; i <= PROMOTIONAL_PRICES; i++) {
            ObjectNode r = withUuid(EntityType.PRODUCT_PROMOTIONAL_PRICES, i);
            r.put("productUuid", uuid(EntityType.PRODUCTS, 1 + (i * 3) % PRODUCTS));
            r.put("price", price(i).multiply(new BigDecimal("0.80")).setScale(2, RoundingMode.HALF_UP));
            r.put("startDate", START.plusDays(i).toString());
            r.put("endDate", START.plusDays(i + 14).toString());
            store.create(EntityType.PRODUCT_PROMOTIONAL_PRICES, r);
        }
        int n = 0;
        for (String customerGroup : CUSTOMER_GROUPS) {
            for (String productGroup : PRODUCT_GROUPS) {
                ObjectNode d = withUuid(EntityType.DISCOUNT_MATRIX_ENTRIES, ++n);
                d.put("customerGroup", customerGroup);
                d.put("productGroup", productGroup);
                d.put("discountPercent", new BigDecimal(n % 4 * 2 + "." + (n % 2 * 5)));
                store.create(EntityType.DISCOUNT_MATRIX_ENTRIES, d);
            }
        }
    }

    static int discountMatrixEntries() {
        return CUSTOMER_GROUPS.size() * PRODUCT_GROUPS.size();
    }

    /** An invoice like the seeded ones, for {@code seed} and for generated bulk data. */
    static ObjectNode invoice(int i, int number, String status) {
        ObjectNode inv = withUuid(EntityType.CUSTOMER_INVOICES, number);
        int customer = 1 + i % CUSTOMERS;
        inv.put("invoiceNumber", "INV-" + number);
        inv.put("customerUuid", uuid(EntityType.CUSTOMERS, customer));
        inv.put("invoiceDate", START.plusDays(i % 28).toString());
        inv.put("status", status);
        inv.putNull("courierReference");
        inv.put("deliveryStatusCode", "RTS");
        inv.set("deliveryAddress", address(customer));
        ArrayNode lines = inv.putArray("lines");
        BigDecimal total = BigDecimal.ZERO;
        for (int l = 0; l < 1 + i % 3; l++) {
            int product = 1 + (i + l * 11) % PRODUCTS;
            BigDecimal quantity = new BigDecimal(1 + (i + l) % 6);
            BigDecimal unitPrice = price(product);
            BigDecimal discount = new BigDecimal(customer % 3 * 5);
            ObjectNode line = lines.addObject();
            line.put("lineUuid", UUID.nameUUIDFromBytes(("line:" + number + ":" + l).getBytes(StandardCharsets.UTF_8)).toString());
            line.put("productUuid", uuid(EntityType.PRODUCTS, product));
            line.put("quantity", quantity);
            line.put("unitPrice", unitPrice);
            line.put("discountPercent", discount);
            total = total.add(lineTotal(quantity, unitPrice, discount));
        }
        inv.put("total", total.setScale(2, RoundingMode.HALF_UP));
        return inv;
    }

    static BigDecimal lineTotal(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent) {
        BigDecimal factor = BigDecimal.ONE.subtract(discountPercent.movePointLeft(2));
        return quantity.multiply(unitPrice).multiply(factor).setScale(2, RoundingMode.HALF_UP);
    }

    static String uuid(EntityType type, int n) {
        return UUID.nameUUIDFromBytes((type.key() + ":" + n).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static ObjectNode withUuid(EntityType type, int n) {
        ObjectNode node = JSON.objectNode();
        node.put("uuid", uuid(type, n));
        return node;
    }

    private static BigDecimal price(int i) {
        return new BigDecimal(3 + (i * 37) % 120 + "." + String.format("%02d", (i * 13) % 100));
    }

    private static ObjectNode address(int i) {
        ObjectNode a = JSON.objectNode();
        a.put("line1", i + " Harbour Road");
        a.putNull("line2");
        a.put("city", CITIES.get(i % CITIES.size()));
        a.put("postcode", String.format("%04d", 1010 + i * 7));
        a.put("country", "NZ");
        return a;
    }
}
