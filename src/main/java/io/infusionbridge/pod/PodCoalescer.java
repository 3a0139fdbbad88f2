package io.infusionbridge.pod;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/** The splitter's aggregation: every mapped row joins its file's batch, coalesced per invoice. */
public class PodCoalescer implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange coalesced, Exchange row) {
        PodBatch batch = row.getProperty(PodFileOpener.BATCH, PodBatch.class);
        batch.add(row.getMessage().getBody(PodEvent.class));
        Exchange result = coalesced == null ? row : coalesced;
        result.getMessage().setBody(batch);
        return result;
    }
}
