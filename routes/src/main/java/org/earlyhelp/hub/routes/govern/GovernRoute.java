package org.earlyhelp.hub.routes.govern;

import java.util.List;
import java.util.Objects;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;

/**
 * The govern routes: one per partner kind that sends records, each consuming that partner's inbound topic in batches
 * and handing each batch to the hub's batch support, whose step is the {@link GovernBatchProcessor}. One route per
 * partner means a partner whose records fail or flood holds up only its own flow. Offsets are committed by the batch
 * support once the batch's decisions are in the ledger and its disclosures acknowledged, or its failing records
 * dead-lettered.
 */
public class GovernRoute extends RouteBuilder {

    public static final String ROUTE_ID_PREFIX = "govern-";

    /** One partner's flow: its inbound topic and the batch support that governs it. */
    public record Flow(String partner, String topic, Processor batch) {
        public Flow {
            Objects.requireNonNull(partner, "partner");
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(batch, "batch");
        }
    }

    private final List<Flow> flows;
    private final int maxPollRecords;

    public GovernRoute(List<Flow> flows, int maxPollRecords) {
        this.flows = List.copyOf(flows);
        this.maxPollRecords = maxPollRecords;
    }

    /**
     * {@code batchingIntervalMs} matters: without it Camel hands over an incomplete batch only after an empty poll,
     * so under steady traffic a record would wait for 500 others.
     */
    @Override
    public void configure() {
        for (Flow flow : flows) {
            from("kafka:" + flow.topic()
                            + "?groupId=hub-govern&batching=true&maxPollRecords=" + maxPollRecords
                            + "&pollTimeoutMs=200&batchingIntervalMs=50"
                            + "&autoCommitEnable=false&allowManualCommit=true&autoOffsetReset=earliest")
                    .routeId(routeId(flow.partner()))
                    .process(flow.batch());
        }
    }

    public static String routeId(String partner) {
        return ROUTE_ID_PREFIX + partner;
    }
}
