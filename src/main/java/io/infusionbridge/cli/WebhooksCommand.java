package io.infusionbridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.infusion.InfusionClient;
import io.infusionbridge.infusion.Secrets;
import io.infusionbridge.runtime.BridgeRuntime;
import io.infusionbridge.runtime.BridgeSettings;
import io.infusionbridge.runtime.SettingsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code bridge webhooks}: register, list and remove the bridge's webhook receiver in Infusion. */
@Command(name = "webhooks", mixinStandardHelpOptions = true,
        description = "Manage Infusion's synchronisation webhooks pointing at the bridge's receiver (POST /webhooks/infusion).",
        subcommands = {WebhooksCommand.Register.class, WebhooksCommand.ListAll.class, WebhooksCommand.Unregister.class})
class WebhooksCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    private static List<String> entityTypes() {
        return java.util.Arrays.stream(EntityType.values()).flatMap(t -> t.webhookType().stream()).toList();
    }

    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Register URL for every entity type the bridge syncs that Infusion has webhooks for (idempotent: run it twice, get no duplicates).")
    static class Register implements Callable<Integer> {
        @Mixin
        RuntimeOptions options;

        @Option(names = "--url", required = true, paramLabel = "URL", description = "The receiver as Infusion reaches it, e.g. https://bridge.example.com:8080/webhooks/infusion")
        String url;

        @Override
        public Integer call() throws Exception {
            BridgeSettings settings = options.settings(Map.of());
            if (settings.webhookSecret().isEmpty()) {
                throw new SettingsException("setting bridge.webhooks.secret (env BRIDGE_WEBHOOKS_SECRET) is missing: Infusion must send a secret"
                        + " the receiver can check; put one in the secrets file");
            }
            try (BridgeRuntime runtime = new BridgeRuntime(settings).open()) {
                InfusionClient client = runtime.client();
                List<JsonNode> existing = client.webhooks();
                for (String type : entityTypes()) {
                    boolean present = existing.stream().anyMatch(w -> w.path("entityType").asText().equals(type) && w.path("url").asText().equals(url));
                    if (present) {
                        System.out.println(type + ": already registered");
                    } else {
                        JsonNode created = client.registerWebhook(type, url, settings.webhookAuthHeader(), settings.webhookSecret());
                        System.out.println(type + ": registered (" + created.path("uuid").asText() + ")");
                    }
                }
                System.out.println("Discount matrix entries have no webhook in Infusion: they are polled (routes/sync-discount-matrix-entries.yaml).");
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the webhooks registered in Infusion (secrets masked).")
    static class ListAll implements Callable<Integer> {
        @Mixin
        RuntimeOptions options;

        @Override
        public Integer call() throws Exception {
            try (BridgeRuntime runtime = new BridgeRuntime(options.settings(Map.of())).open()) {
                for (JsonNode w : runtime.client().webhooks()) {
                    System.out.println(w.path("uuid").asText() + "  " + w.path("entityType").asText() + "  " + w.path("url").asText()
                            + "  " + w.path("authHeaderName").asText() + ": " + Secrets.mask(w.path("authHeaderValue").asText()));
                }
            }
            return 0;
        }
    }

    @Command(name = "unregister", mixinStandardHelpOptions = true, description = "Remove the webhooks pointing at URL.")
    static class Unregister implements Callable<Integer> {
        @Mixin
        RuntimeOptions options;

        @Option(names = "--url", required = true, paramLabel = "URL", description = "The receiver URL used when registering")
        String url;

        @Override
        public Integer call() throws Exception {
            try (BridgeRuntime runtime = new BridgeRuntime(options.settings(Map.of())).open()) {
                int removed = 0;
                for (JsonNode w : runtime.client().webhooks()) {
                    if (w.path("url").asText().equals(url)) {
                        runtime.client().deleteWebhook(w.path("uuid").asText());
                        removed++;
                    }
                }
                System.out.println("removed " + removed + " webhook(s) pointing at " + url);
            }
            return 0;
        }
    }
}
