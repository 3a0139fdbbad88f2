package io.infusionbridge.infusion;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.Map;

/**
 * Readiness as Infusion sees the bridge: DOWN, with the reason in words, while the session is refused or
 * a permission the routes need is missing. Never shows a token.
 */
public class InfusionHealthCheck extends AbstractHealthCheck {

    private final InfusionClient client;
    private final String whereToPutTheSession;

    public InfusionHealthCheck(InfusionClient client, String whereToPutTheSession) {
        super("infusion", "infusion-session");
        this.client = client;
        this.whereToPutTheSession = whereToPutTheSession;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        LicenceGate gate = client.gate();
        Map<String, String> missing = gate.missingPermissions();
        if (gate.sessionPaused()) {
            builder.down().message("Infusion refuses the session: a new session ID was generated in Infusion, or it expired after"
                    + " 60 days unused; put the new one in " + whereToPutTheSession + ". All Infusion work is paused.");
        } else if (!missing.isEmpty()) {
            builder.down().message("The External API user lacks a role for: " + String.join("; ", missing.keySet())
                    + ". Give it a role that allows these in Infusion; the routes that need them are stopped, the rest go on.");
        } else {
            builder.up();
        }
        if (gate.lastSuccess() != null) {
            builder.detail("last.success", gate.lastSuccess().toString());
        }
    }
}
