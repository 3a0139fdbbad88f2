package io.infusionbridge.infusion.component;

import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.infusion.InfusionClient;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/** {@code infusion-sync:<entity>}: polls one entity's Data Synchronisation endpoint, one exchange per page. */
@Component("infusion-sync")
public class InfusionSyncComponent extends DefaultComponent {

    @Metadata(autowired = true, description = "The client all Infusion endpoints share (and with it the licence's rate limit)")
    private InfusionClient client;

    @Metadata(description = "Defaults for every endpoint of this component")
    private InfusionConfiguration configuration = new InfusionConfiguration();

    public InfusionSyncComponent() {
    }

    public InfusionSyncComponent(InfusionClient client, SyncJournal journal) {
        this.client = client;
        this.configuration.setJournal(journal);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        InfusionSyncEndpoint endpoint = new InfusionSyncEndpoint(uri, this, EntityType.of(remaining), configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public InfusionClient getClient() {
        if (client == null) {
            client = getCamelContext().getRegistry().findSingleByType(InfusionClient.class);
        }
        if (client == null) {
            throw new IllegalStateException("no InfusionClient in the registry for infusion-sync endpoints");
        }
        return client;
    }

    public void setClient(InfusionClient client) {
        this.client = client;
    }

    public InfusionConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(InfusionConfiguration configuration) {
        this.configuration = configuration;
    }
}
