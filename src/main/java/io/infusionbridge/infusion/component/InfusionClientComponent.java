package io.infusionbridge.infusion.component;

import io.infusionbridge.infusion.InfusionClient;
import org.apache.camel.spi.Metadata;
import org.apache.camel.support.DefaultComponent;

/** What both Infusion components share: the one client (and with it the licence's rate limit). */
public abstract class InfusionClientComponent extends DefaultComponent {

    @Metadata(autowired = true, description = "The client all Infusion endpoints share (and with it the licence's rate limit)")
    private InfusionClient client;

    protected InfusionClientComponent(InfusionClient client) {
        this.client = client;
    }

    /** The client set on the component, else the one in the registry. */
    public InfusionClient getClient() {
        if (client == null) {
            client = getCamelContext().getRegistry().findSingleByType(InfusionClient.class);
        }
        if (client == null) {
            throw new IllegalStateException("no InfusionClient in the registry for " + getClass().getSimpleName() + " endpoints");
        }
        return client;
    }

    public void setClient(InfusionClient client) {
        this.client = client;
    }
}
