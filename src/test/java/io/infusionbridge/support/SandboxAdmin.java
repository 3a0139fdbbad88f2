package io.infusionbridge.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.infusion.InfusionJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Drives the sandbox's {@code /sandbox/admin} controls over real HTTP, as a test or a user would. */
public final class SandboxAdmin {

    /** One line of the sandbox's request log. */
    public record Logged(long atMillis, String method, String path, int status, boolean counted, String body) {
    }

    private final String adminUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    public SandboxAdmin(String adminUrl) {
        this.adminUrl = adminUrl;
    }

    public JsonNode get(String path) {
        return call("GET", path, null);
    }

    public JsonNode call(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(adminUrl + path)).header("Content-Type", "application/json");
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(InfusionJson.mapper().writeValueAsBytes(body)));
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + new String(response.body()));
            }
            return response.body().length == 0 ? null : InfusionJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public List<JsonNode> entities(EntityType type) {
        List<JsonNode> all = new ArrayList<>();
        get("/entities/" + type.key()).forEach(all::add);
        return all;
    }

    public JsonNode create(EntityType type, ObjectNode fields) {
        return call("POST", "/entities/" + type.key(), fields);
    }

    public JsonNode change(EntityType type, String uuid, ObjectNode fields) {
        return call("PUT", "/entities/" + type.key() + "/" + uuid, fields);
    }

    public void delete(EntityType type, String uuid) {
        call("DELETE", "/entities/" + type.key() + "/" + uuid, null);
    }

    public String regenerateSession() {
        return IssuedSecrets.remember(call("POST", "/session", null).get("sessionUuid").asText());
    }

    public void roles(String... roles) {
        call("PUT", "/roles", InfusionJson.mapper().createObjectNode().set("roles", InfusionJson.mapper().valueToTree(roles)));
    }

    public void rateLimit(int perSecond) {
        call("PUT", "/rate-limit", InfusionJson.mapper().createObjectNode().put("requestsPerSecond", perSecond));
    }

    public void faults(double errorRate, double dropRate, long delayMillis, long rateLimitStormMillis) {
        call("PUT", "/faults", InfusionJson.mapper().createObjectNode().put("errorRate", errorRate).put("dropRate", dropRate)
                .put("delayMillis", delayMillis).put("rateLimitStormMillis", rateLimitStormMillis));
    }

    /** Sync rounds end on an empty page: a full page always says more is available. */
    public void fullPageMeansMore() {
        call("PUT", "/faults", InfusionJson.mapper().createObjectNode().put("fullPageMeansMore", true));
    }

    public void clearFaults() {
        call("DELETE", "/faults", null);
    }

    public void advanceClockDays(long days) {
        call("POST", "/clock", InfusionJson.mapper().createObjectNode().put("days", days));
    }

    public List<Logged> requests() {
        List<Logged> log = new ArrayList<>();
        for (JsonNode r : get("/requests")) {
            log.add(new Logged(r.get("atMillis").asLong(), r.get("method").asText(), r.get("path").asText(),
                    r.get("status").asInt(), r.get("counted").asBoolean(), r.path("body").asText(null)));
        }
        return log;
    }

    public void clearRequests() {
        call("DELETE", "/requests", null);
    }

    /** The most requests that counted against the limit within any 1000 ms of the log. */
    public static int maxCountedInAnySecond(List<Logged> log) {
        return io.infusionbridge.sandbox.SandboxServer.mostInAnySecond(log.stream().filter(Logged::counted).map(Logged::atMillis).toList());
    }
}
