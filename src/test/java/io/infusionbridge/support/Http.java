package io.infusionbridge.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Plain HTTP calls a test makes to the bridge's own endpoints. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() {
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static HttpResponse<String> get(String url) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<String> post(String url, String header, String value, String json) throws Exception {
        return CLIENT.send(postRequest(url, header, value, json), HttpResponse.BodyHandlers.ofString());
    }

    /** The same POST {@code times} times at once, as a burst arrives; answers the status codes. */
    public static List<Integer> postBurst(String url, String header, String value, String json, int times) {
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            sent.add(CLIENT.sendAsync(postRequest(url, header, value, json), HttpResponse.BodyHandlers.ofString()));
        }
        return sent.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();
    }

    private static HttpRequest postRequest(String url, String header, String value, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (header != null) {
            request.header(header, value);
        }
        return request.build();
    }
}
