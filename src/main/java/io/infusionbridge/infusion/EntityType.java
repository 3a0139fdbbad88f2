package io.infusionbridge.infusion;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The six entities of Infusion's Data Synchronisation, by the names the contract and the webhooks use. */
public enum EntityType {
    PRODUCTS("products", "Product"),
    CUSTOMERS("customers", "Customer"),
    CUSTOMER_INVOICES("customerInvoices", "CustomerInvoice"),
    CUSTOMER_CONTRACT_RATES("customerContractRates", "CustomerContractRate"),
    PRODUCT_PROMOTIONAL_PRICES("productPromotionalPrices", "ProductPromotionalPrice"),
    // Infusion offers no webhook for discount matrix entries: they can only be polled.
    DISCOUNT_MATRIX_ENTRIES("discountMatrixEntries", null);

    private final String key;
    private final String webhookType;

    EntityType(String key, String webhookType) {
        this.key = key;
        this.webhookType = webhookType;
    }

    /** The name in URIs and paths, e.g. {@code customerInvoices}. */
    public String key() {
        return key;
    }

    public Optional<String> webhookType() {
        return Optional.ofNullable(webhookType);
    }

    /** Accepts {@code customerInvoices}, {@code customer-invoices} or {@code CUSTOMER_INVOICES}. */
    public static EntityType of(String name) {
        String wanted = name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(t -> t.key.toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown entity '" + name + "': expected one of "
                        + String.join(", ", Arrays.stream(values()).map(EntityType::key).toList())));
    }

    @Override
    public String toString() {
        return key;
    }
}
