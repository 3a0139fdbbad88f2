package io.infusionbridge.infusion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.infusionbridge.infusion.error.InfusionErrors;
import io.infusionbridge.infusion.error.InfusionException;
import io.infusionbridge.infusion.error.InfusionNotAuthorisedException;
import io.infusionbridge.infusion.error.InfusionRateLimitedException;
import io.infusionbridge.infusion.error.InfusionSessionInvalidException;
import io.infusionbridge.infusion.error.InfusionTransientException;
import io.infusionbridge.infusion.error.InfusionUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The bridge's one way to talk to Infusion: auth headers, the licence's shared rate limit, retry with
 * backoff for transient faults, Retry-After for 429, a circuit breaker, and typed errors.
 */
public final class InfusionClient {

    private static final Logger LOG = LoggerFactory.getLogger(InfusionClient.class);
    private static final Pattern UUID_IN_PATH = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final URI baseUrl;
    private final Supplier<InfusionCredentials> credentials;
    private final InfusionContract contract;
    private final ApiLimits limits;
    private final ObjectMapper mapper = InfusionJson.mapper();
    private final HttpClient http;
    private final Retry retry;
    private final AtomicLong requestsSent = new AtomicLong();
    private final AtomicLong rateLimitedAnswers = new AtomicLong();
    private final List<java.util.function.Consumer<InfusionException>> refusalListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public InfusionClient(URI baseUrl, Supplier<InfusionCredentials> credentials, InfusionContract contract, ApiLimits limits) {
        String base = baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.credentials = credentials;
        this.contract = contract;
        this.limits = limits;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(limits.requestTimeout())
                .build();
        this.retry = Retry.of("infusion", RetryConfig.custom()
                .maxAttempts(limits.maxAttempts())
                .retryOnException(e -> e instanceof InfusionTransientException || e instanceof InfusionRateLimitedException)
                .intervalBiFunction((attempt, outcome) -> {
                    if (outcome.isLeft() && outcome.getLeft() instanceof InfusionRateLimitedException limited) {
                        return limited.retryAfter().toMillis();
                    }
                    long backoff = limits.initialBackoff().toMillis() << Math.min(attempt - 1, 16);
                    return Math.min(backoff, limits.maxBackoff().toMillis());
                })
                .build());
    }

    public InfusionContract contract() {
        return contract;
    }

    /** The next page of changes after the server's cursor for {@code type}. */
    public SyncPage syncPage(EntityType type, int pageSize) {
        JsonNode body = call("GET", contract.syncPath(type), Map.of(contract.param("page-size"), String.valueOf(pageSize)), null, -1);
        return new SyncPage(type, items(body), body.path(contract.field("moreAvailable")).asBoolean(false));
    }

    /** Sends the server's sync cursor for {@code type} back to the start. */
    public void resetSyncCursor(EntityType type) {
        call("DELETE", contract.syncCursorPath(type), Map.of(), null, -1);
    }

    public JsonNode get(EntityType type, String uuid) {
        return call("GET", contract.entityPath(type, uuid), Map.of(), null, -1);
    }

    /** A partial PUT: only {@code fields} change; {@code versionNumber} is the version the bridge last saw. */
    public JsonNode update(EntityType type, String uuid, long versionNumber, Map<String, ?> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(contract.field("versionNumber"), versionNumber);
        body.putAll(fields);
        return call("PUT", contract.entityPath(type, uuid), Map.of(), body, versionNumber);
    }

    public SearchResult search(EntityType type, Map<String, String> criteria, String text, int offset, int limit) {
        Map<String, String> query = new LinkedHashMap<>(criteria);
        if (text != null && !text.isBlank()) {
            query.put(contract.param("text"), text);
        }
        query.put(contract.param("offset"), String.valueOf(offset));
        query.put(contract.param("limit"), String.valueOf(limit));
        JsonNode body = call("GET", contract.searchPath(type), query, null, -1);
        return new SearchResult(items(body), body.path(contract.field("offset")).asInt(offset),
                body.path(contract.field("limit")).asInt(limit), body.path(contract.field("total")).asInt());
    }

    /** The invoice delivery statuses configured in Infusion: {@code [{code, name}]}. */
    public JsonNode deliveryStatuses() {
        return call("GET", contract.path("delivery-statuses"), Map.of(), null, -1);
    }

    /** The webhook registrations of this licence. */
    public List<JsonNode> webhooks() {
        List<JsonNode> all = new ArrayList<>();
        call("GET", contract.path("webhooks"), Map.of(), null, -1).forEach(all::add);
        return all;
    }

    /** Registers a webhook: Infusion will POST to {@code url} with the auth header when {@code entityType} changes. */
    public JsonNode registerWebhook(String entityType, String url, String authHeaderName, String authHeaderValue) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(contract.field("entityType"), entityType);
        body.put(contract.field("url"), url);
        body.put(contract.field("authHeaderName"), authHeaderName);
        body.put(contract.field("authHeaderValue"), authHeaderValue);
        return call("POST", contract.path("webhooks"), Map.of(), body, -1);
    }

    public void deleteWebhook(String uuid) {
        call("DELETE", contract.path("webhooks") + "/" + uuid, Map.of(), null, -1);
    }

    /** Requests sent so far, retries included. */
    public long requestsSent() {
        return requestsSent.get();
    }

    /** 429 answers received so far: above zero means the bridge misjudged the limit or shares the licence. */
    public long rateLimitedAnswers() {
        return rateLimitedAnswers.get();
    }

    private List<JsonNode> items(JsonNode body) {
        List<JsonNode> items = new ArrayList<>();
        body.path(contract.field("items")).forEach(items::add);
        return items;
    }

    private JsonNode call(String method, String path, Map<String, String> query, Object body, long sentVersion) {
        LicenceGate gate = LicenceGate.of(baseUrl, credentials.get().licenseUuid(), limits);
        CircuitBreaker breaker = gate.circuitBreaker();
        try {
            return retry.executeCheckedSupplier(() -> {
                try {
                    return breaker.executeCheckedSupplier(() -> send(gate, method, path, query, body, sentVersion));
                } catch (CallNotPermittedException open) {
                    throw new InfusionUnavailableException(method, path, "too many recent faults opened the circuit breaker;"
                            + " it lets a request through again after " + limits.circuitOpenFor().toSeconds() + " s", open);
                }
            });
        } catch (InfusionTransientException | InfusionRateLimitedException exhausted) {
            throw new InfusionUnavailableException(method, path, "still failing after " + limits.maxAttempts() + " attempts ("
                    + exhausted.getMessage() + ")", exhausted);
        } catch (InfusionException | IllegalArgumentException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfusionUnavailableException(method, path, "interrupted", e);
        } catch (Throwable e) {
            throw new InfusionUnavailableException(method, path, e.toString(), e);
        }
    }

    private JsonNode send(LicenceGate gate, String method, String path, Map<String, String> query, Object body,
                          long sentVersion) throws InterruptedException {
        gate.awaitTurn();
        // Checked after the wait for a slot: a refusal that came in meanwhile stops queued requests too.
        InfusionCredentials tokens = credentials.get();
        if (!gate.maySend(tokens.sessionUuid(), limits.sessionProbeInterval())) {
            throw new InfusionSessionInvalidException(method, path, whereToPutTheSession(), true);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path, query))
                .timeout(limits.requestTimeout())
                .header(contract.header("license"), tokens.licenseUuid())
                .header(contract.header("session"), tokens.sessionUuid())
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(json(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        long started = System.nanoTime();
        requestsSent.incrementAndGet();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new InfusionTransientException(0, method, path, "no answer within " + limits.requestTimeout().toSeconds() + " s", e);
        } catch (IOException e) {
            throw new InfusionTransientException(0, method, path, "connection failed (" + e.getClass().getSimpleName() + ")", e);
        }
        int status = response.statusCode();
        LOG.debug("{} {} -> {} in {} ms", method, path, status, (System.nanoTime() - started) / 1_000_000);
        JsonNode answer = parse(response.body());
        String operation = method + " " + UUID_IN_PATH.matcher(path).replaceAll("{uuid}");
        if (status >= 200 && status < 300) {
            if (gate.succeeded(tokens.sessionUuid(), operation)) {
                LOG.info("Infusion accepts the session again: resuming all Infusion work");
            }
            if (answer == null) {
                throw new InfusionTransientException(status, method, path, "the answer was not JSON", null);
            }
            return answer;
        }
        InfusionException error = InfusionErrors.decode(contract, status, method, path, answer,
                response.headers().firstValue(contract.header("retry-after")).orElse(null), sentVersion);
        if (error instanceof InfusionSessionInvalidException) {
            error = new InfusionSessionInvalidException(method, path, whereToPutTheSession(), false);
            if (gate.sessionRefused(tokens.sessionUuid())) {
                LOG.error("{}. All Infusion work is paused: queued work stays queued, and the bridge checks at most once a minute.",
                        error.getMessage());
                tellRefused(error);
            }
        } else if (error instanceof InfusionNotAuthorisedException) {
            if (gate.permissionMissing(operation, error.getMessage())) {
                tellRefused(error);
            }
        }
        if (error instanceof InfusionRateLimitedException limited) {
            rateLimitedAnswers.incrementAndGet();
            gate.pauseFor(limited.retryAfter());
            LOG.warn("Infusion answered 429 to {} {}: pausing this licence's requests for {} ms", method, path,
                    limited.retryAfter().toMillis());
        }
        throw error;
    }

    /** Called once when Infusion starts refusing the session, and once per newly missing permission. */
    public void onRefusal(java.util.function.Consumer<InfusionException> listener) {
        refusalListeners.add(listener);
    }

    private void tellRefused(InfusionException refusal) {
        for (var listener : refusalListeners) {
            try {
                listener.accept(refusal);
            } catch (RuntimeException e) {
                LOG.warn("a refusal listener failed: {}", e.getMessage());
            }
        }
    }

    private String whereToPutTheSession() {
        return credentials instanceof SessionTokens tokens ? tokens.whereToPutIt() : "INFUSION_SESSION_UUID (infusion.session-uuid)";
    }

    /** The licence's shared state: session pause, missing permissions, last success. */
    public LicenceGate gate() {
        return LicenceGate.of(baseUrl, credentials.get().licenseUuid(), limits);
    }

    private URI uri(String path, Map<String, String> query) {
        StringJoiner q = new StringJoiner("&", "?", "");
        q.setEmptyValue("");
        query.forEach((k, v) -> q.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return URI.create(baseUrl + path + q);
    }

    private byte[] json(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write request body as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return mapper.missingNode();
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
