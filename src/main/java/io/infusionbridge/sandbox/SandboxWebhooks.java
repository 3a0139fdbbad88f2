package io.infusionbridge.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.infusion.InfusionJson;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/** Webhook registrations, and their delivery when an entity changes, retried until a 2xx answer (up to 5 tries). */
final class SandboxWebhooks implements AutoCloseable {

    static final List<String> ENTITY_TYPES = List.of("Product", "Customer", "Supplier", "CustomerInvoice",
            "CustomerContractRate", "ProductPromotionalPrice", "SupplierPurchaseOrder", "CustomerItems", "Job");

    private final List<ObjectNode> registrations = new ArrayList<>();
    private final SandboxClock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sandbox-webhooks");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong delivered = new AtomicLong();

    SandboxWebhooks(SandboxClock clock) {
        this.clock = clock;
    }

    synchronized ObjectNode register(ObjectNode request) {
        ObjectNode registration = request.deepCopy();
        registration.put("uuid", UUID.randomUUID().toString());
        registrations.add(registration);
        return registration.deepCopy();
    }

    synchronized ArrayNode list() {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        registrations.forEach(r -> list.add(r.deepCopy()));
        return list;
    }

    synchronized boolean unregister(String uuid) {
        return registrations.removeIf(r -> r.get("uuid").asText().equals(uuid));
    }

    synchronized void clear() {
        registrations.clear();
    }

    long delivered() {
        return delivered.get();
    }

    void changed(EntityType type) {
        type.webhookType().ifPresent(webhookType -> {
            List<ObjectNode> targets;
            synchronized (this) {
                targets = registrations.stream().filter(r -> r.path("entityType").asText().equals(webhookType))
                        .map(ObjectNode::deepCopy).toList();
            }
            String body = InfusionJson.mapper().createObjectNode()
                    .put("entityType", webhookType)
                    .put("eventTimestamp", SandboxClock.format(clock.now())).toString();
            targets.forEach(target -> delivery.submit(() -> deliver(target, body)));
        });
    }

    private void deliver(ObjectNode target, String body) {
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(target.path("url").asText()))
                        .timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/json")
                        .header(target.path("authHeaderName").asText("Authorization"), target.path("authHeaderValue").asText(""))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    delivered.incrementAndGet();
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // The receiver is down or refused: Infusion retries, so the sandbox does too.
            }
            try {
                Thread.sleep(200L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        delivery.shutdownNow();
    }
}
