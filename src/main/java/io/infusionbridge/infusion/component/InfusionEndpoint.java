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
import org.apache.camel.support.DefaultEndpoint;

/** Calls one operation of the Infusion API on one entity type. */
@UriEndpoint(firstVersion = "0.1.0", scheme = "infusion", title = "Infusion API", syntax = "infusion:operation/entity",
        producerOnly = true, category = {Category.SAAS}, headersClass = InfusionConstants.class)
public class InfusionEndpoint extends DefaultEndpoint {

    @UriPath(description = "get, update, search or resetCursor")
    @Metadata(required = true)
    private final InfusionOperation operation;

    @UriPath(description = "The entity, e.g. customerInvoices")
    @Metadata(required = true)
    private final EntityType entity;

    @UriParam(defaultValue = "200", description = "Results per search request (at most 200)")
    private int searchLimit = 200;

    public InfusionEndpoint(String uri, InfusionComponent component, InfusionOperation operation, EntityType entity) {
        super(uri, component);
        this.operation = operation;
        this.entity = entity;
    }

    @Override
    public InfusionComponent getComponent() {
        return (InfusionComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new InfusionProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("infusion endpoints only produce; read changes with infusion-sync:<entity>");
    }

    public InfusionOperation getOperation() {
        return operation;
    }

    public EntityType getEntity() {
        return entity;
    }

    public int getSearchLimit() {
        return searchLimit;
    }

    public void setSearchLimit(int searchLimit) {
        this.searchLimit = Math.min(200, Math.max(1, searchLimit));
    }
}
