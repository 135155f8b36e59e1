package org.earlyhelp.hub.routes.govern;

import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;

/**
 * Consumes a partner's inbound topic in batches and hands each batch to the hub's batch support, whose step is the
 * {@link GovernBatchProcessor}. Offsets are committed by the batch support once the batch's decisions are in the
 * ledger and its disclosures acknowledged, or its failing records dead-lettered.
 */
public class GovernRoute extends RouteBuilder {

    public static final String ROUTE_ID_PREFIX = "govern-";

    private final String partner;
    private final String topic;
    private final Processor batch;
    private final int maxPollRecords;

    public GovernRoute(String partner, String topic, Processor batch, int maxPollRecords) {
        this.partner = partner;
        this.topic = topic;
        this.batch = batch;
        this.maxPollRecords = maxPollRecords;
    }

    /**
     * {@code batchingIntervalMs} matters: without it Camel hands over an incomplete batch only after an empty poll,
     * so under steady traffic a record would wait for 500 others.
     */
    @Override
    public void configure() {
        from("kafka:" + topic
                        + "?groupId=hub-govern&batching=true&maxPollRecords=" + maxPollRecords
                        + "&pollTimeoutMs=200&batchingIntervalMs=50"
                        + "&autoCommitEnable=false&allowManualCommit=true&autoOffsetReset=earliest")
                .routeId(routeId(partner))
                .process(batch);
    }

    public static String routeId(String partner) {
        return ROUTE_ID_PREFIX + partner;
    }
}
