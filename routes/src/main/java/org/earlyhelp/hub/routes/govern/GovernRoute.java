package org.earlyhelp.hub.routes.govern;

import org.apache.camel.builder.RouteBuilder;

/**
 * Consumes a partner's inbound topic in batches and hands each batch to the {@link GovernBatchProcessor}. Offsets are
 * committed by the processor once the batch's decisions are in the ledger and its disclosures acknowledged.
 */
public class GovernRoute extends RouteBuilder {

    public static final String ROUTE_ID_PREFIX = "govern-";

    private final String partner;
    private final String topic;
    private final GovernBatchProcessor processor;

    public GovernRoute(String partner, String topic, GovernBatchProcessor processor) {
        this.partner = partner;
        this.topic = topic;
        this.processor = processor;
    }

    /**
     * {@code batchingIntervalMs} matters: without it Camel hands over an incomplete batch only after an empty poll,
     * so under steady traffic a record would wait for 500 others.
     */
    @Override
    public void configure() {
        from("kafka:" + topic
                        + "?groupId=hub-govern&batching=true&maxPollRecords=500&pollTimeoutMs=200&batchingIntervalMs=50"
                        + "&autoCommitEnable=false&allowManualCommit=true&autoOffsetReset=earliest")
                .routeId(ROUTE_ID_PREFIX + partner)
                .process(processor);
    }
}
