package io.infusionbridge.infusion;

import com.fasterxml.jackson.databind.JsonNode;
import io.infusionbridge.infusion.error.InfusionNotAuthorisedException;
import io.infusionbridge.infusion.error.InfusionNotFoundException;
import io.infusionbridge.infusion.error.InfusionSessionInvalidException;
import io.infusionbridge.infusion.error.InfusionValidationException;
import io.infusionbridge.infusion.error.InfusionVersionConflictException;
import io.infusionbridge.infusion.component.InfusionConstants;
import io.infusionbridge.runtime.BridgeRuntime;
import io.infusionbridge.support.AgainstSandbox;
import io.infusionbridge.support.TestBridge;
import io.infusionbridge.support.TestDatabases;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each error of the contract arrives as its own exception, with what a person needs and no token. */
class InfusionErrorsTest extends AgainstSandbox {

    @TempDir
    Path dir;

    BridgeRuntime bridge;
    InfusionClient client;
    JsonNode invoice;

    @BeforeEach
    void start() throws Exception {
        bridge = TestBridge.against(sandbox, TestDatabases.h2(dir), dir.resolve("data")).open();
        client = bridge.client();
        invoice = admin.entities(EntityType.CUSTOMER_INVOICES).get(0);
    }

    @AfterEach
    void stop() {
        bridge.close();
    }

    private String uuid() {
        return invoice.get("uuid").asText();
    }

    @Test
    void a_regenerated_session_is_a_401_that_says_what_to_do() {
        String oldSession = sandbox.sessionUuid();
        String newSession = admin.regenerateSession();
        InfusionSessionInvalidException e = catchThrowableOfType(InfusionSessionInvalidException.class,
                () -> client.syncPage(EntityType.PRODUCTS, 10));
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.operation()).isEqualTo("GET /sync/products");
        assertThat(e.getMessage()).contains("a new session ID was generated in Infusion").contains("INFUSION_SESSION_UUID")
                .doesNotContain(oldSession).doesNotContain(newSession).doesNotContain(sandbox.licenseUuid());
    }

    @Test
    void a_session_unused_for_61_days_has_expired() {
        assertThat(client.get(EntityType.CUSTOMER_INVOICES, uuid()).get("invoiceNumber").asText()).isEqualTo("INV-100001");
        admin.advanceClockDays(61);
        assertThatThrownBy(() -> client.get(EntityType.CUSTOMER_INVOICES, uuid()))
                .isInstanceOf(InfusionSessionInvalidException.class).hasMessageContaining("60 days unused");
    }

    @Test
    void a_read_only_user_gets_a_403_naming_the_operation() {
        admin.roles("READ");
        InfusionNotAuthorisedException e = catchThrowableOfType(InfusionNotAuthorisedException.class,
                () -> client.update(EntityType.CUSTOMER_INVOICES, uuid(), 0, Map.of("courierReference", "NZC1")));
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.getMessage()).contains("User not authorised").contains("PUT /customerInvoices/" + uuid())
                .contains("External API user a role");
        assertThat(client.get(EntityType.CUSTOMER_INVOICES, uuid())).as("reading is still allowed").isNotNull();
    }

    @Test
    void a_stale_version_is_a_409_carrying_the_current_version() {
        client.update(EntityType.CUSTOMER_INVOICES, uuid(), 0, Map.of("courierReference", "NZC1"));
        InfusionVersionConflictException e = catchThrowableOfType(InfusionVersionConflictException.class,
                () -> client.update(EntityType.CUSTOMER_INVOICES, uuid(), 0, Map.of("courierReference", "NZC2")));
        assertThat(e.sentVersion()).isZero();
        assertThat(e.currentVersion()).isEqualTo(1L);
        assertThat(e.getMessage()).contains("version 0").contains("Infusion holds version 1");
    }

    @Test
    void a_broken_text_rule_is_a_400_listing_every_field_error() {
        InfusionValidationException e = catchThrowableOfType(InfusionValidationException.class,
                () -> client.update(EntityType.CUSTOMER_INVOICES, uuid(), 0, Map.of("courierReference", " NZC  1\t", "invoiceNumber", "X")));
        assertThat(e.fieldErrors()).extracting(InfusionValidationException.FieldError::rule)
                .contains("DOUBLE_SPACE", "TAB", "LEADING_SPACE", "READ_ONLY");
        assertThat(e.getMessage()).contains("courierReference DOUBLE_SPACE").contains("invoiceNumber READ_ONLY");
    }

    @Test
    void an_unknown_record_is_a_404() {
        assertThatThrownBy(() -> client.get(EntityType.PRODUCTS, "00000000-0000-4000-8000-000000000000"))
                .isInstanceOf(InfusionNotFoundException.class).hasMessageContaining("GET /products/00000000-0000-4000-8000-000000000000");
    }

    @Test
    void the_infusion_producer_raises_the_same_typed_errors_in_a_route() throws Exception {
        try (BridgeRuntime routes = TestBridge.against(sandbox, TestDatabases.h2(dir.resolve("routes-db")), dir.resolve("data2"))
                .with("bridge.sync.delay", "600000").start()) {
            ProducerTemplate template = routes.context().createProducerTemplate();
            JsonNode updated = template.requestBodyAndHeaders("infusion:update/customerInvoices", Map.of("courierReference", "NZC9"),
                    Map.of(InfusionConstants.UUID, uuid(), InfusionConstants.VERSION_NUMBER, 0L), JsonNode.class);
            assertThat(updated.get("versionNumber").asLong()).isEqualTo(1);
            assertThat(updated.get("courierReference").asText()).isEqualTo("NZC9");
            CamelExecutionException e = catchThrowableOfType(CamelExecutionException.class, () -> template.requestBodyAndHeaders(
                    "infusion:update/customerInvoices", Map.of("courierReference", "NZC10"),
                    Map.of(InfusionConstants.UUID, uuid(), InfusionConstants.VERSION_NUMBER, 0L)));
            assertThat(e.getCause()).isInstanceOf(InfusionVersionConflictException.class);
        }
    }
}
