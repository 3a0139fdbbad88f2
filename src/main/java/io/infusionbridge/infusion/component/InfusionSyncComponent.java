package io.infusionbridge.infusion.component;

import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.infusion.InfusionClient;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

import java.util.Map;

/** {@code infusion-sync:<entity>}: polls one entity's Data Synchronisation endpoint, one exchange per page. */
@Component("infusion-sync")
public class InfusionSyncComponent extends InfusionClientComponent {

    @Metadata(description = "Defaults for every endpoint of this component")
    private InfusionConfiguration configuration = new InfusionConfiguration();

    public InfusionSyncComponent() {
        super(null);
    }

    public InfusionSyncComponent(InfusionClient client, SyncJournal journal) {
        super(client);
        this.configuration.setJournal(journal);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        InfusionSyncEndpoint endpoint = new InfusionSyncEndpoint(uri, this, EntityType.of(remaining), configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public InfusionConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(InfusionConfiguration configuration) {
        this.configuration = configuration;
    }
}
