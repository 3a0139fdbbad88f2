package io.infusionbridge.infusion;

/** Shows a secret only as its first and last four characters, e.g. {@code 2222…2222}. */
public final class Secrets {

    private Secrets() {
    }

    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "(none)";
        }
        if (secret.length() < 12) {
            return "…";
        }
        return secret.substring(0, 4) + "…" + secret.substring(secret.length() - 4);
    }
}
