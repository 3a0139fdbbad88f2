package io.infusionbridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.infusion.InfusionJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A faithful Infusion for development, demos and tests: the whole contract of {@code infusion-api.md} over
 * real HTTP under {@code /api}, the 10 requests/second limit enforced over a sliding 1000 ms window, and the
 * {@code /sandbox/admin} controls (seed and change data, regenerate the session, roles, clock, rate limit,
 * faults, request log).
 */
public final class SandboxServer implements AutoCloseable {

    public static final String DEFAULT_LICENSE_UUID = "11111111-1111-4111-8111-111111111111";
    public static final String DEFAULT_SESSION_UUID = "22222222-2222-4222-8222-222222222222";
    public static final Set<String> FULL_ROLES = Set.of("READ", "WRITE");

    static final String API = "/api";
    static final String ADMIN = "/sandbox/admin";
    private static final Duration SESSION_LIFETIME = Duration.ofDays(60);
    private static final int REQUEST_LOG_CAPACITY = 500_000;

    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);
    private static final ObjectMapper JSON = InfusionJson.mapper();

    /** One line of the request log: what was asked, what was answered, whether it counted against the limit. */
    public record LoggedRequest(long atMillis, String method, String path, int status, boolean counted, String body) {
    }

    private final int requestedPort;
    private final SandboxClock clock = new SandboxClock();
    private final SandboxStore store = new SandboxStore(clock);
    private final SandboxWebhooks webhooks = new SandboxWebhooks(clock);
    private final SlidingWindowLimit limit = new SlidingWindowLimit(10);
    private final List<LoggedRequest> requestLog = new ArrayList<>();
    private final String licenseUuid = DEFAULT_LICENSE_UUID;
    private volatile String sessionUuid = DEFAULT_SESSION_UUID;
    private volatile Instant sessionLastUsed;
    private volatile Set<String> roles = FULL_ROLES;
    private volatile SandboxFaults faults = SandboxFaults.NONE;
    private HttpServer server;
    private ExecutorService executor;

    public SandboxServer(int port) {
        this.requestedPort = port;
        store.onChange(webhooks::changed);
        reset();
    }

    public SandboxServer start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 64);
        executor = Executors.newFixedThreadPool(32, r -> {
            Thread t = new Thread(r, "sandbox-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        LOG.info("Infusion sandbox listening on {}", baseUrl());
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The API base URL, e.g. {@code http://127.0.0.1:8090/api}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + API;
    }

    public String adminUrl() {
        return "http://127.0.0.1:" + port() + ADMIN;
    }

    public String licenseUuid() {
        return licenseUuid;
    }

    public String sessionUuid() {
        return sessionUuid;
    }

    // ------------------------------------------------ the same controls in-process, for the benchmark

    /** The request log so far (a copy). */
    public List<LoggedRequest> requestLog() {
        synchronized (requestLog) {
            return List.copyOf(requestLog);
        }
    }

    public void clearRequestLog() {
        synchronized (requestLog) {
            requestLog.clear();
        }
    }

    /** Requests per second the sandbox allows; 0 lifts the limit. */
    public void setRequestsPerSecond(int perSecond) {
        limit.setLimit(perSecond);
    }

    /** Adds {@code count} invoices numbered from {@code firstNumber} (INV-300001 and on by default). */
    public void generateInvoices(int count, int firstNumber) {
        for (int i = 0; i < count; i++) {
            store.create(EntityType.CUSTOMER_INVOICES, SandboxSeed.invoice(firstNumber + i, firstNumber + i, "INVOICED"));
        }
    }

    /** A live record as the API would answer it, or null. */
    public ObjectNode entity(EntityType type, String uuid) {
        return store.get(type, uuid);
    }

    /** Changes a record as a person in Infusion would (new version, webhooks fire). */
    public ObjectNode change(EntityType type, String uuid, ObjectNode fields) {
        return store.change(type, uuid, fields);
    }

    /** The most requests that counted against the limit within any 1000 ms of a log, by their times in ms. */
    public static int mostInAnySecond(List<Long> countedMillis) {
        List<Long> times = countedMillis.stream().sorted().toList();
        int max = 0;
        int start = 0;
        for (int end = 0; end < times.size(); end++) {
            while (times.get(end) - times.get(start) >= 1000) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }

    /** The deterministic UUID of generated or seeded invoice number {@code number}. */
    public static String invoiceUuid(int number) {
        return SandboxSeed.uuid(EntityType.CUSTOMER_INVOICES, number);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
        webhooks.close();
    }

    private synchronized void reset() {
        store.clear();
        webhooks.clear();
        clock.reset();
        SandboxSeed.seed(store);
        sessionUuid = DEFAULT_SESSION_UUID;
        sessionLastUsed = clock.now();
        roles = FULL_ROLES;
        faults = SandboxFaults.NONE;
        limit.setLimit(10);
        synchronized (requestLog) {
            requestLog.clear();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith(ADMIN)) {
                admin(exchange, path.substring(ADMIN.length()));
            } else if (path.startsWith(API + "/") || path.equals("/api-doc")) {
                api(exchange, path.startsWith(API) ? path.substring(API.length()) : path);
            } else {
                send(exchange, 404, error("NOT_FOUND", "the sandbox serves /api, /api-doc and /sandbox/admin"));
            }
        } catch (RuntimeException e) {
            LOG.warn("sandbox failed on {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e.toString());
            send(exchange, 500, error("INTERNAL", "sandbox error: " + e.getMessage()));
        }
    }

    // ---------------------------------------------------------------- the API

    private void api(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod();
        byte[] requestBody = exchange.getRequestBody().readAllBytes();
        if (!limit.tryAcquire()) {
            exchange.getResponseHeaders().set("Retry-After", "1");
            logRequest(method, path, 429, false, requestBody);
            send(exchange, 429, error("RATE_LIMITED", "more than " + limit.limit() + " requests in one second"));
            return;
        }
        SandboxFaults f = faults;
        if (f.delayMillis() > 0) {
            sleep(f.delayMillis());
        }
        if (f.inRateLimitStorm()) {
            exchange.getResponseHeaders().set("Retry-After", "1");
            logRequest(method, path, 429, false, requestBody);
            send(exchange, 429, error("RATE_LIMITED", "rate limited (injected storm)"));
            return;
        }
        if (f.drawDrop()) {
            logRequest(method, path, 0, true, requestBody);
            // Promise a body and close without it: the client sees the connection drop mid-answer.
            exchange.sendResponseHeaders(200, 64);
            return;
        }
        if (f.drawError()) {
            logRequest(method, path, 503, true, requestBody);
            send(exchange, 503, error("UNAVAILABLE", "injected server fault"));
            return;
        }
        int status = answer(exchange, method, path, requestBody);
        logRequest(method, path, status, true, requestBody);
    }

    private int answer(HttpExchange exchange, String method, String path, byte[] requestBody) throws IOException {
        if (path.equals("/api-doc")) {
            return send(exchange, 200, JSON.createObjectNode().put("description",
                    "Infusion Bridge sandbox: serves the contract of infusion-api.md").put("basePath", API));
        }
        if (!authenticated(exchange)) {
            return send(exchange, 401, error("SESSION_INVALID", "the session is not valid"));
        }
        boolean write = !method.equals("GET");
        String entityOrArea = path.split("/").length > 1 ? path.split("/")[1] : "";
        boolean syncArea = entityOrArea.equals("sync");
        if (!(write && !syncArea ? roles.contains("WRITE") : roles.contains("READ"))) {
            return send(exchange, 403, error("NOT_AUTHORISED", "User not authorised"));
        }
        if ((method.equals("POST") || method.equals("PUT")) && !isJson(exchange)) {
            return send(exchange, 415, error("UNSUPPORTED_MEDIA_TYPE", "send Content-Type: application/json"));
        }
        String[] parts = path.substring(1).split("/");
        Map<String, String> query = query(exchange);
        if (parts[0].equals("sync") && parts.length >= 2) {
            EntityType type = entity(parts[1]);
            if (type == null) {
                return send(exchange, 404, error("NOT_FOUND", "no such sync endpoint"));
            }
            if (parts.length == 3 && parts[2].equals("cursor") && method.equals("DELETE")) {
                store.resetCursor(type);
                return send(exchange, 200, JSON.createObjectNode().put("message", "cursor has been reset"));
            }
            if (parts.length == 2 && method.equals("GET")) {
                int pageSize = intParam(query, "pageSize", 100);
                if (pageSize < 1 || pageSize > 1000) {
                    return send(exchange, 400, validation("pageSize", "OUT_OF_RANGE", "pageSize must be 1 to 1000"));
                }
                return send(exchange, 200, store.syncPage(type, pageSize, faults.fullPageMeansMore()));
            }
        }
        if (parts[0].equals("invoiceDeliveryStatuses") && parts.length == 1 && method.equals("GET")) {
            return send(exchange, 200, store.deliveryStatusList());
        }
        if (parts[0].equals("webhooks")) {
            return webhooksApi(exchange, method, parts, requestBody);
        }
        if (parts[0].equals("pendingInvoices") && parts.length == 1 && method.equals("POST")) {
            return createPendingInvoice(exchange, requestBody);
        }
        EntityType type = entity(parts[0]);
        if (type == null) {
            return send(exchange, 404, error("NOT_FOUND", "no such endpoint " + path));
        }
        if (parts.length == 2 && parts[1].equals("search") && method.equals("GET")) {
            return search(exchange, type, query);
        }
        if (parts.length == 1 && method.equals("POST") && type != EntityType.CUSTOMER_INVOICES) {
            ObjectNode body = objectBody(requestBody);
            if (body == null) {
                return send(exchange, 400, validation("(body)", "INVALID_TYPE", "the body must be a JSON object"));
            }
            ArrayNode errors = new SandboxWriteValidator(store.deliveryStatuses()).validate(type, body, true);
            if (!errors.isEmpty()) {
                return send(exchange, 400, validation(errors));
            }
            return send(exchange, 201, store.create(type, body));
        }
        if (parts.length == 2) {
            String uuid = parts[1];
            switch (method) {
                case "GET" -> {
                    ObjectNode record = store.get(type, uuid);
                    return record == null ? send(exchange, 404, error("NOT_FOUND", "no " + type + " " + uuid))
                            : send(exchange, 200, record);
                }
                case "PUT" -> {
                    return update(exchange, type, uuid, requestBody);
                }
                case "DELETE" -> {
                    return store.delete(type, uuid) ? send(exchange, 204, null)
                            : send(exchange, 404, error("NOT_FOUND", "no " + type + " " + uuid));
                }
                default -> {
                }
            }
        }
        return send(exchange, 404, error("NOT_FOUND", "no such endpoint " + method + " " + path));
    }

    private int update(HttpExchange exchange, EntityType type, String uuid, byte[] requestBody) throws IOException {
        ObjectNode body = objectBody(requestBody);
        if (body == null) {
            return send(exchange, 400, validation("(body)", "INVALID_TYPE", "the body must be a JSON object"));
        }
        ArrayNode errors = new SandboxWriteValidator(store.deliveryStatuses()).validate(type, body, false);
        if (!errors.isEmpty()) {
            return send(exchange, 400, validation(errors));
        }
        synchronized (store) {
            ObjectNode current = store.get(type, uuid);
            if (current == null) {
                return send(exchange, 404, error("NOT_FOUND", "no " + type + " " + uuid));
            }
            long currentVersion = current.get("versionNumber").asLong();
            if (body.get("versionNumber").asLong() != currentVersion) {
                ObjectNode conflict = error("VERSION_CONFLICT", "the record has changed since version " + body.get("versionNumber").asLong());
                conflict.put("currentVersionNumber", currentVersion);
                return send(exchange, 409, conflict);
            }
            return send(exchange, 200, store.change(type, uuid, body));
        }
    }

    private int search(HttpExchange exchange, EntityType type, Map<String, String> query) throws IOException {
        int offset = Math.max(0, intParam(query, "offset", 0));
        int max = intParam(query, "limit", 50);
        if (max < 1 || max > 200) {
            return send(exchange, 400, validation("limit", "OUT_OF_RANGE", "limit must be 1 to 200"));
        }
        Map<String, String> criteria = new LinkedHashMap<>(query);
        String text = criteria.remove("q");
        criteria.remove("offset");
        criteria.remove("limit");
        List<ObjectNode> found = store.search(type, criteria, text);
        ObjectNode result = JSON.createObjectNode();
        ArrayNode items = result.putArray("items");
        found.stream().skip(offset).limit(max).forEach(items::add);
        result.put("offset", offset).put("limit", max).put("total", found.size());
        return send(exchange, 200, result);
    }

    private int createPendingInvoice(HttpExchange exchange, byte[] requestBody) throws IOException {
        ObjectNode body = objectBody(requestBody);
        if (body == null) {
            return send(exchange, 400, validation("(body)", "INVALID_TYPE", "the body must be a JSON object"));
        }
        SandboxWriteValidator validator = new SandboxWriteValidator(store.deliveryStatuses());
        Map<String, SandboxFieldSpec> specs = SandboxFieldSpec.FIELDS.get(EntityType.CUSTOMER_INVOICES);
        body.fieldNames().forEachRemaining(name -> {
            if (!Set.of("customerUuid", "deliveryAddress", "courierReference", "lines").contains(name)) {
                validator.error(name, specs.containsKey(name) ? "READ_ONLY" : "UNKNOWN_FIELD", name + " cannot be sent to /pendingInvoices");
            } else if (!name.equals("lines")) {
                validator.check(specs.get(name), name, body.get(name));
            }
        });
        ObjectNode customer = body.hasNonNull("customerUuid") ? store.get(EntityType.CUSTOMERS, body.get("customerUuid").asText()) : null;
        if (customer == null) {
            validator.error("customerUuid", "REQUIRED", "customerUuid must name an existing customer");
        }
        if (!body.has("lines") || !body.get("lines").isArray() || body.get("lines").isEmpty()) {
            validator.error("lines", "REQUIRED", "a sales order needs at least one line");
        }
        if (!validator.errors().isEmpty()) {
            return send(exchange, 400, validation(validator.errors()));
        }
        ObjectNode invoice = JSON.createObjectNode();
        invoice.put("invoiceNumber", "INV-" + (200_000 + store.count(EntityType.CUSTOMER_INVOICES)));
        invoice.set("customerUuid", body.get("customerUuid"));
        invoice.put("invoiceDate", clock.now().toString().substring(0, 10));
        invoice.put("status", "PENDING");
        invoice.set("courierReference", body.path("courierReference").isMissingNode() ? JSON.nullNode() : body.get("courierReference"));
        invoice.put("deliveryStatusCode", "TBP");
        invoice.set("deliveryAddress", body.hasNonNull("deliveryAddress") ? body.get("deliveryAddress") : customer.get("deliveryAddress"));
        ArrayNode lines = invoice.putArray("lines");
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode in : body.get("lines")) {
            BigDecimal quantity = in.path("quantity").decimalValue();
            BigDecimal unitPrice = in.path("unitPrice").decimalValue();
            // The FAQ's rule: a null line discount takes the customer's default; 0 keeps a discounted price as it is.
            BigDecimal discount = in.hasNonNull("discountPercent") ? in.get("discountPercent").decimalValue()
                    : customer.path("defaultDiscountPercent").decimalValue();
            ObjectNode line = lines.addObject();
            line.put("lineUuid", UUID.randomUUID().toString());
            line.set("productUuid", in.get("productUuid"));
            line.put("quantity", quantity).put("unitPrice", unitPrice).put("discountPercent", discount);
            total = total.add(SandboxSeed.lineTotal(quantity, unitPrice, discount));
        }
        invoice.put("total", total);
        return send(exchange, 201, store.create(EntityType.CUSTOMER_INVOICES, invoice));
    }

    private int webhooksApi(HttpExchange exchange, String method, String[] parts, byte[] requestBody) throws IOException {
        if (parts.length == 1 && method.equals("GET")) {
            return send(exchange, 200, webhooks.list());
        }
        if (parts.length == 1 && method.equals("POST")) {
            ObjectNode body = objectBody(requestBody);
            SandboxWriteValidator validator = new SandboxWriteValidator(Map.of());
            if (body == null) {
                return send(exchange, 400, validation("(body)", "INVALID_TYPE", "the body must be a JSON object"));
            }
            if (!SandboxWebhooks.ENTITY_TYPES.contains(body.path("entityType").asText())) {
                validator.error("entityType", "UNKNOWN_CODE", "entityType must be one of " + SandboxWebhooks.ENTITY_TYPES);
            }
            for (String field : List.of("url", "authHeaderName", "authHeaderValue")) {
                if (!body.path(field).isTextual()) {
                    validator.error(field, "REQUIRED", field + " is required");
                }
            }
            if (!validator.errors().isEmpty()) {
                return send(exchange, 400, validation(validator.errors()));
            }
            return send(exchange, 201, webhooks.register(body));
        }
        if (parts.length == 2 && method.equals("DELETE")) {
            return webhooks.unregister(parts[1]) ? send(exchange, 204, null) : send(exchange, 404, error("NOT_FOUND", "no webhook " + parts[1]));
        }
        return send(exchange, 404, error("NOT_FOUND", "no such webhook endpoint"));
    }

    private boolean authenticated(HttpExchange exchange) {
        String license = exchange.getRequestHeaders().getFirst("licenseUuid");
        String session = exchange.getRequestHeaders().getFirst("sessionUuid");
        synchronized (this) {
            Instant now = clock.now();
            if (!licenseUuid.equals(license) || !sessionUuid.equals(session)
                    || Duration.between(sessionLastUsed, now).compareTo(SESSION_LIFETIME) > 0) {
                return false;
            }
            sessionLastUsed = now;
            return true;
        }
    }

    // ---------------------------------------------------------------- the controls

    private void admin(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod();
        ObjectNode body = objectBody(exchange.getRequestBody().readAllBytes());
        String[] parts = path.isEmpty() ? new String[0] : path.substring(1).split("/");
        String route = method + " " + (parts.length == 0 ? "" : parts[0]);
        switch (route) {
            case "GET " -> send(exchange, 200, state());
            case "POST reset" -> {
                reset();
                send(exchange, 200, state());
            }
            case "GET session" -> send(exchange, 200, JSON.createObjectNode().put("licenseUuid", licenseUuid).put("sessionUuid", sessionUuid));
            case "POST session" -> {
                synchronized (this) {
                    sessionUuid = UUID.randomUUID().toString();
                    sessionLastUsed = clock.now();
                }
                send(exchange, 200, JSON.createObjectNode().put("licenseUuid", licenseUuid).put("sessionUuid", sessionUuid));
            }
            case "PUT roles" -> {
                List<String> granted = new ArrayList<>();
                body.path("roles").forEach(r -> granted.add(r.asText()));
                roles = Set.copyOf(granted);
                send(exchange, 200, state());
            }
            case "POST clock" -> {
                clock.advance(Duration.ofDays(body.path("days").asLong()).plusSeconds(body.path("seconds").asLong()));
                send(exchange, 200, state());
            }
            case "PUT rate-limit" -> {
                limit.setLimit(body.path("requestsPerSecond").asInt(10));
                send(exchange, 200, state());
            }
            case "PUT faults" -> {
                long storm = body.path("rateLimitStormMillis").asLong(0);
                faults = new SandboxFaults(body.path("errorRate").asDouble(0), body.path("dropRate").asDouble(0),
                        body.path("delayMillis").asLong(0), storm > 0 ? System.nanoTime() + storm * 1_000_000 : 0,
                        body.path("fullPageMeansMore").asBoolean(false));
                send(exchange, 200, state());
            }
            case "DELETE faults" -> {
                faults = SandboxFaults.NONE;
                send(exchange, 200, state());
            }
            case "GET requests" -> send(exchange, 200, requestLogJson());
            case "DELETE requests" -> {
                synchronized (requestLog) {
                    requestLog.clear();
                }
                send(exchange, 204, null);
            }
            case "GET entities", "POST entities", "PUT entities", "DELETE entities" -> entitiesAdmin(exchange, method, parts, body);
            case "POST generate" -> generate(exchange, parts, query(exchange));
            default -> send(exchange, 404, error("NOT_FOUND", "unknown sandbox control " + method + " " + ADMIN + path
                    + "; see GET " + ADMIN));
        }
    }

    private void entitiesAdmin(HttpExchange exchange, String method, String[] parts, ObjectNode body) throws IOException {
        EntityType type = parts.length >= 2 ? entity(parts[1]) : null;
        if (type == null) {
            send(exchange, 404, error("NOT_FOUND", "name an entity: /entities/{entity}[/{uuid}]"));
            return;
        }
        switch (method + (parts.length == 3 ? " one" : " all")) {
            case "GET all" -> {
                ArrayNode all = JSON.createArrayNode();
                store.all(type).forEach(all::add);
                send(exchange, 200, all);
            }
            case "POST all" -> send(exchange, 201, store.create(type, body == null ? JSON.createObjectNode() : body));
            case "PUT one" -> {
                ObjectNode changed = store.change(type, parts[2], body == null ? JSON.createObjectNode() : body);
                send(exchange, changed == null ? 404 : 200, changed == null ? error("NOT_FOUND", "no live " + type + " " + parts[2]) : changed);
            }
            case "DELETE one" -> send(exchange, store.delete(type, parts[2]) ? 204 : 404, null);
            default -> send(exchange, 404, error("NOT_FOUND", "unknown entity control"));
        }
    }

    /** Bulk data for benchmarks: {@code POST /sandbox/admin/generate/customerInvoices?count=100000}. */
    private void generate(HttpExchange exchange, String[] parts, Map<String, String> query) throws IOException {
        EntityType type = parts.length >= 2 ? entity(parts[1]) : null;
        if (type != EntityType.CUSTOMER_INVOICES) {
            send(exchange, 400, error("UNSUPPORTED", "only customerInvoices can be generated"));
            return;
        }
        int count = intParam(query, "count", 1000);
        int first = intParam(query, "firstNumber", 300_001);
        generateInvoices(count, first);
        send(exchange, 201, JSON.createObjectNode().put("created", count));
    }

    private ObjectNode state() {
        ObjectNode state = JSON.createObjectNode();
        state.put("licenseUuid", licenseUuid).put("sessionUuid", sessionUuid);
        ArrayNode r = state.putArray("roles");
        roles.stream().sorted().forEach(r::add);
        state.put("clock", SandboxClock.format(clock.now())).put("clockOffsetSeconds", clock.offset().toSeconds());
        state.put("requestsPerSecond", limit.limit());
        SandboxFaults f = faults;
        state.putObject("faults").put("errorRate", f.errorRate()).put("dropRate", f.dropRate())
                .put("delayMillis", f.delayMillis()).put("inRateLimitStorm", f.inRateLimitStorm());
        ObjectNode counts = state.putObject("entities");
        for (EntityType type : EntityType.values()) {
            counts.put(type.key(), store.count(type));
        }
        state.put("webhooksDelivered", webhooks.delivered());
        state.putArray("controls").add("POST reset").add("GET session").add("POST session (regenerate)")
                .add("PUT roles {roles:[READ,WRITE]}").add("POST clock {days,seconds}").add("PUT rate-limit {requestsPerSecond}")
                .add("PUT faults {errorRate,dropRate,delayMillis,rateLimitStormMillis}").add("DELETE faults")
                .add("GET requests").add("DELETE requests").add("GET|POST entities/{entity}")
                .add("PUT|DELETE entities/{entity}/{uuid}").add("POST generate/customerInvoices?count=N");
        return state;
    }

    private ArrayNode requestLogJson() {
        ArrayNode list = JSON.createArrayNode();
        synchronized (requestLog) {
            for (LoggedRequest r : requestLog) {
                ObjectNode o = list.addObject().put("atMillis", r.atMillis()).put("method", r.method()).put("path", r.path())
                        .put("status", r.status()).put("counted", r.counted());
                if (r.body() != null) {
                    o.put("body", r.body());
                }
            }
        }
        return list;
    }

    private void logRequest(String method, String path, int status, boolean counted, byte[] body) {
        LoggedRequest entry = new LoggedRequest(System.currentTimeMillis(), method, path, status, counted,
                body.length == 0 ? null : new String(body, StandardCharsets.UTF_8));
        synchronized (requestLog) {
            if (requestLog.size() >= REQUEST_LOG_CAPACITY) {
                requestLog.remove(0);
            }
            requestLog.add(entry);
        }
    }

    // ---------------------------------------------------------------- plumbing

    private static EntityType entity(String key) {
        for (EntityType type : EntityType.values()) {
            if (type.key().equals(key)) {
                return type;
            }
        }
        return null;
    }

    private static boolean isJson(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        return type != null && type.toLowerCase().startsWith("application/json");
    }

    private static ObjectNode objectBody(byte[] body) {
        try {
            JsonNode node = body.length == 0 ? null : JSON.readTree(body);
            return node instanceof ObjectNode o ? o : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static int intParam(Map<String, String> query, String name, int otherwise) {
        try {
            return query.containsKey(name) ? Integer.parseInt(query.get(name)) : otherwise;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static ObjectNode error(String code, String message) {
        return JSON.createObjectNode().put("error", code).put("message", message);
    }

    private static ObjectNode validation(String field, String rule, String message) {
        ArrayNode errors = JSON.createArrayNode();
        errors.addObject().put("field", field).put("rule", rule).put("message", message);
        return validation(errors);
    }

    private static ObjectNode validation(ArrayNode fieldErrors) {
        ObjectNode body = error("VALIDATION_FAILED", "one or more fields break a rule");
        body.set("fieldErrors", fieldErrors);
        return body;
    }

    /** Answers; a client that has gone away by then does not undo what was done (nor its log line). */
    private static int send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body == null ? null : JSON.writeValueAsBytes(body);
        try {
            if (bytes == null) {
                exchange.sendResponseHeaders(status, -1);
                return status;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException clientGone) {
            LOG.debug("client went away before the answer to {}: {}", exchange.getRequestURI().getPath(), clientGone.toString());
        }
        return status;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
