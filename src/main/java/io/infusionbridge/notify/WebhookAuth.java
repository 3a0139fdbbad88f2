package io.infusionbridge.notify;

import org.apache.camel.Exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks the auth header Infusion sends with each webhook call, in constant time. */
public class WebhookAuth {

    private final String headerName;
    private final byte[] secret;

    public WebhookAuth(String headerName, String secret) {
        this.headerName = headerName;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** True when the call carries the configured secret; with no secret configured, nothing is accepted. */
    public boolean accepts(Exchange exchange) {
        String given = exchange.getMessage().getHeader(headerName, String.class);
        if (secret.length == 0 || given == null) {
            return false;
        }
        return MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8));
    }
}
