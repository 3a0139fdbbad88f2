package io.infusionbridge.infusion.component;

import io.infusionbridge.infusion.EntityType;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Reads one entity's changes from Infusion's Data Synchronisation. Scheduled by {@code delay} or, with
 * {@code scheduler=quartz&scheduler.cron=...}, by a cron expression.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "infusion-sync", title = "Infusion Data Synchronisation",
        syntax = "infusion-sync:entity", consumerOnly = true, category = {Category.SAAS},
        headersClass = InfusionConstants.class)
public class InfusionSyncEndpoint extends ScheduledPollEndpoint {

    @UriPath(description = "The entity: products, customers, customerInvoices, customerContractRates, productPromotionalPrices or discountMatrixEntries")
    @Metadata(required = true)
    private final EntityType entity;

    @UriParam
    private InfusionConfiguration configuration;

    public InfusionSyncEndpoint(String uri, InfusionSyncComponent component, EntityType entity, InfusionConfiguration configuration) {
        super(uri, component);
        this.entity = entity;
        this.configuration = configuration;
    }

    @Override
    public InfusionSyncComponent getComponent() {
        return (InfusionSyncComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("infusion-sync endpoints only consume; write with infusion:update/<entity>");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        InfusionSyncConsumer consumer = new InfusionSyncConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    public EntityType getEntity() {
        return entity;
    }

    public InfusionConfiguration getConfiguration() {
        return configuration;
    }

    public void setPageSize(int pageSize) {
        configuration.setPageSize(pageSize);
    }

    public void setMaxPagesPerPoll(int maxPagesPerPoll) {
        configuration.setMaxPagesPerPoll(maxPagesPerPoll);
    }

    public void setProgressInterval(long progressInterval) {
        configuration.setProgressInterval(progressInterval);
    }

    public void setSyncOnStart(boolean syncOnStart) {
        configuration.setSyncOnStart(syncOnStart);
    }

    public void setTriggerDelay(long triggerDelay) {
        configuration.setTriggerDelay(triggerDelay);
    }

    public void setJournal(SyncJournal journal) {
        configuration.setJournal(journal);
    }
}
