package io.infusionbridge.infusion.component;

import io.infusionbridge.infusion.InfusionClient;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

import java.util.LinkedHashMap;
import java.util.Map;

/** Performs the endpoint's operation through the shared client; errors surface as typed InfusionExceptions. */
public class InfusionProducer extends DefaultProducer {

    public InfusionProducer(InfusionEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public InfusionEndpoint getEndpoint() {
        return (InfusionEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        InfusionEndpoint endpoint = getEndpoint();
        InfusionClient client = endpoint.getComponent().getClient();
        Message in = exchange.getMessage();
        switch (endpoint.getOperation()) {
            case get -> in.setBody(client.get(endpoint.getEntity(), in.getHeader(InfusionConstants.UUID, String.class)));
            case update -> {
                Long version = in.getHeader(InfusionConstants.VERSION_NUMBER, Long.class);
                if (version == null) {
                    throw new IllegalArgumentException("an update needs header " + InfusionConstants.VERSION_NUMBER
                            + ": Infusion refuses a write without the version the bridge last saw");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = in.getMandatoryBody(Map.class);
                in.setBody(client.update(endpoint.getEntity(), in.getHeader(InfusionConstants.UUID, String.class), version, fields));
            }
            case search -> {
                Map<String, String> criteria = new LinkedHashMap<>();
                Map<?, ?> body = in.getBody(Map.class);
                if (body != null) {
                    body.forEach((k, v) -> criteria.put(String.valueOf(k), String.valueOf(v)));
                }
                String text = criteria.remove(client.contract().param("text"));
                in.setBody(client.search(endpoint.getEntity(), criteria, text, 0, endpoint.getSearchLimit()));
            }
            case resetCursor -> {
                client.resetSyncCursor(endpoint.getEntity());
                in.setBody(null);
            }
        }
        in.setHeader(InfusionConstants.ENTITY, endpoint.getEntity().key());
    }
}
