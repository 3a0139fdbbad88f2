package io.infusionbridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.infusion.InfusionJson;
import io.infusionbridge.support.AgainstSandbox;
import io.infusionbridge.support.SandboxAdmin;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox serves the contract as written, over raw HTTP, so the bridge is tested against the rules themselves. */
class SandboxContractTest extends AgainstSandbox {

    HttpClient http = HttpClient.newHttpClient();

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .header("licenseUuid", sandbox.licenseUuid()).header("sessionUuid", sandbox.sessionUuid());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private JsonNode json(HttpResponse<String> response) throws Exception {
        return InfusionJson.mapper().readTree(response.body());
    }

    private String invoiceUuid(int index) {
        return admin.entities(EntityType.CUSTOMER_INVOICES).get(index).get("uuid").asText();
    }

    @Test
    void the_eleventh_request_within_a_second_is_refused_and_not_counted() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            burst.add(http.sendAsync(request("/invoiceDeliveryStatuses").build(), HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = burst.stream().map(CompletableFuture::join).toList();
        assertThat(answers).filteredOn(r -> r.statusCode() == 200).hasSize(10);
        assertThat(answers).filteredOn(r -> r.statusCode() == 429).hasSize(5)
                .allSatisfy(r -> assertThat(r.headers().firstValue("Retry-After")).hasValue("1"));
        Thread.sleep(1050);
        assertThat(send(request("/invoiceDeliveryStatuses")).statusCode()).isEqualTo(200);
        assertThat(SandboxAdmin.maxCountedInAnySecond(admin.requests())).isEqualTo(10);
    }

    @Test
    void writes_obey_every_rule_of_the_contract() throws Exception {
        String uuid = invoiceUuid(0);
        String path = "/customerInvoices/" + uuid;
        assertThat(send(request(path).PUT(HttpRequest.BodyPublishers.ofString("{\"versionNumber\":0}"))).statusCode()).isEqualTo(415);

        JsonNode rules = json(put(path, "{\"versionNumber\":0,\"courierReference\":\" a  b\\t\\n\\f\\r\\u0007\\u00a0 \"}"));
        assertThat(rules.get("error").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(rules.get("fieldErrors").findValuesAsText("rule")).containsExactlyInAnyOrder("DOUBLE_SPACE", "TAB", "NEW_LINE",
                "FORM_FEED", "CARRIAGE_RETURN", "CONTROL_CHARACTER", "UNICODE_SPACE", "LEADING_SPACE", "TRAILING_SPACE");

        assertThat(json(put(path, "{\"courierReference\":\"X\"}")).get("fieldErrors").findValuesAsText("rule")).containsExactly("REQUIRED");
        assertThat(json(put(path, "{\"versionNumber\":0,\"invoiceNumber\":\"X\",\"colour\":\"red\",\"invoiceDate\":5}"))
                .get("fieldErrors").findValuesAsText("rule")).containsExactlyInAnyOrder("READ_ONLY", "UNKNOWN_FIELD", "INVALID_TYPE");
        assertThat(json(put(path, "{\"versionNumber\":0,\"courierReference\":\"" + "X".repeat(51) + "\"}"))
                .get("fieldErrors").findValuesAsText("rule")).containsExactly("TOO_LONG");
        assertThat(json(put(path, "{\"versionNumber\":0,\"deliveryStatusCode\":\"LOST\"}"))
                .get("fieldErrors").findValuesAsText("rule")).containsExactly("UNKNOWN_CODE");

        HttpResponse<String> ok = put(path, "{\"versionNumber\":0,\"courierReference\":\"NZC1\",\"deliveryStatusCode\":\"DELV\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok).get("versionNumber").asLong()).isEqualTo(1);
        assertThat(json(ok).get("invoiceNumber").asText()).isEqualTo("INV-100001");
        HttpResponse<String> stale = put(path, "{\"versionNumber\":0,\"courierReference\":\"NZC2\"}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale).get("currentVersionNumber").asLong()).isEqualTo(1);
        HttpResponse<String> same = put(path, "{\"versionNumber\":1}");
        assertThat(json(same).get("versionNumber").asLong()).as("every successful PUT is a change").isEqualTo(2);
    }

    @Test
    void a_pending_invoice_line_without_discount_takes_the_customers_default() throws Exception {
        JsonNode customer = admin.entities(EntityType.CUSTOMERS).stream()
                .filter(c -> c.get("defaultDiscountPercent").decimalValue().signum() > 0).findFirst().orElseThrow();
        String product = admin.entities(EntityType.PRODUCTS).get(0).get("uuid").asText();
        String body = "{\"customerUuid\":\"" + customer.get("uuid").asText() + "\",\"lines\":["
                + "{\"productUuid\":\"" + product + "\",\"quantity\":1,\"unitPrice\":10.00,\"discountPercent\":null},"
                + "{\"productUuid\":\"" + product + "\",\"quantity\":1,\"unitPrice\":10.00,\"discountPercent\":0}]}";
        HttpResponse<String> created = send(request("/pendingInvoices").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode lines = json(created).get("lines");
        assertThat(lines.get(0).get("discountPercent").decimalValue()).isEqualByComparingTo(customer.get("defaultDiscountPercent").decimalValue());
        assertThat(lines.get(1).get("discountPercent").decimalValue()).isEqualByComparingTo("0");
        assertThat(json(created).get("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void search_matches_fields_and_text() throws Exception {
        JsonNode byNumber = json(send(request("/customerInvoices/search?invoiceNumber=INV-100005&limit=10")));
        assertThat(byNumber.get("total").asInt()).isEqualTo(1);
        assertThat(byNumber.get("items").get(0).get("invoiceNumber").asText()).isEqualTo("INV-100005");
        JsonNode byText = json(send(request("/customers/search?q=customer%2012%20ltd&limit=10")));
        assertThat(byText.get("items").findValuesAsText("code")).containsExactly("C-012");
        assertThat(send(request("/customers/search?limit=201")).statusCode()).isEqualTo(400);
    }

    @Test
    void sync_pages_advance_the_cursor_and_a_reset_does_not_replay_old_deletions() throws Exception {
        String deleted = invoiceUuid(3);
        admin.delete(EntityType.CUSTOMER_INVOICES, deleted);
        JsonNode first = json(send(request("/sync/customerInvoices?pageSize=150")));
        assertThat(first.get("items")).hasSize(150);
        assertThat(first.get("moreAvailable").asBoolean()).isTrue();
        JsonNode second = json(send(request("/sync/customerInvoices?pageSize=150")));
        assertThat(second.get("items")).hasSize(50);
        assertThat(second.get("moreAvailable").asBoolean()).isFalse();
        assertThat(second.get("items").findValuesAsText("uuid")).as("the deletion comes last, as a change").endsWith(deleted);
        assertThat(json(send(request("/sync/customerInvoices"))).get("items")).isEmpty();

        assertThat(send(request("/sync/customerInvoices/cursor").DELETE()).statusCode()).isEqualTo(200);
        JsonNode replay = json(send(request("/sync/customerInvoices?pageSize=1000")));
        assertThat(replay.get("items")).hasSize(199);
        assertThat(replay.get("items").findValuesAsText("uuid")).doesNotContain(deleted);
    }

    @Test
    void sessions_die_when_regenerated_or_unused_for_60_days_and_roles_limit_writes() throws Exception {
        assertThat(send(request("/invoiceDeliveryStatuses")).statusCode()).isEqualTo(200);
        admin.advanceClockDays(59);
        assertThat(send(request("/invoiceDeliveryStatuses")).statusCode()).as("used within 60 days").isEqualTo(200);
        admin.advanceClockDays(61);
        HttpResponse<String> expired = send(request("/invoiceDeliveryStatuses"));
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(json(expired).get("error").asText()).isEqualTo("SESSION_INVALID");

        admin.call("POST", "/reset", null);
        String old = sandbox.sessionUuid();
        String fresh = admin.regenerateSession();
        assertThat(send(request("/invoiceDeliveryStatuses").setHeader("sessionUuid", old)).statusCode())
                .as("old session rejected at once").isEqualTo(401);
        assertThat(send(request("/invoiceDeliveryStatuses").setHeader("sessionUuid", fresh)).statusCode()).isEqualTo(200);

        admin.call("POST", "/reset", null);
        admin.roles("READ");
        HttpResponse<String> refused = put("/customerInvoices/" + invoiceUuid(0), "{\"versionNumber\":0,\"courierReference\":\"X\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).get("message").asText()).isEqualTo("User not authorised");
        assertThat(send(request("/invoiceDeliveryStatuses")).statusCode()).isEqualTo(200);
    }

    @Test
    void webhooks_are_registered_listed_and_removed() throws Exception {
        String body = "{\"entityType\":\"CustomerInvoice\",\"url\":\"http://127.0.0.1:1/hook\",\"authHeaderName\":\"X-Hook\",\"authHeaderValue\":\"s3cret-value\"}";
        HttpResponse<String> created = send(request("/webhooks").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(created.statusCode()).isEqualTo(201);
        String uuid = json(created).get("uuid").asText();
        assertThat(json(send(request("/webhooks"))).findValuesAsText("uuid")).containsExactly(uuid);
        assertThat(send(request("/webhooks/" + uuid).DELETE()).statusCode()).isEqualTo(204);
        assertThat(json(send(request("/webhooks")))).isEmpty();
    }
}
