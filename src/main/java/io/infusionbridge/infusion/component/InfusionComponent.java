package io.infusionbridge.infusion.component;

import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.infusion.InfusionClient;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;

import java.util.Map;

/** {@code infusion:<operation>/<entity>}: one call of the Infusion API per exchange. */
@Component("infusion")
public class InfusionComponent extends InfusionClientComponent {

    public InfusionComponent() {
        super(null);
    }

    public InfusionComponent(InfusionClient client) {
        super(client);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        String[] parts = remaining.split("/", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected infusion:<operation>/<entity>, e.g. infusion:update/customerInvoices, got " + uri);
        }
        InfusionOperation operation;
        try {
            operation = InfusionOperation.valueOf(parts[0]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown operation '" + parts[0] + "' in " + uri + ": expected get, update, search or resetCursor", e);
        }
        InfusionEndpoint endpoint = new InfusionEndpoint(uri, this, operation, EntityType.of(parts[1]));
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
