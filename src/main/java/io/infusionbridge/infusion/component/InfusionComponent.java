package io.infusionbridge.infusion.component;

import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.infusion.InfusionClient;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/** {@code infusion:<operation>/<entity>}: one call of the Infusion API per exchange. */
@Component("infusion")
public class InfusionComponent extends DefaultComponent {

    @Metadata(autowired = true, description = "The client all Infusion endpoints share (and with it the licence's rate limit)")
    private InfusionClient client;

    public InfusionComponent() {
    }

    public InfusionComponent(InfusionClient client) {
        this.client = client;
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

    public InfusionClient getClient() {
        if (client == null) {
            client = getCamelContext().getRegistry().findSingleByType(InfusionClient.class);
        }
        if (client == null) {
            throw new IllegalStateException("no InfusionClient in the registry for infusion endpoints");
        }
        return client;
    }

    public void setClient(InfusionClient client) {
        this.client = client;
    }
}
