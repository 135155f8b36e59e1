package org.earlyhelp.hub.connector.schools;

import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;

/**
 * Delivers disclosures from {@code hub.outbound.schools} to each school's endpoint, a poll's worth at a time, on the
 * hub's batch support ({@link org.earlyhelp.hub.connector.api.batch.KafkaBatch}, with {@link SchoolsBatchDelivery} as its
 * step). Offsets are committed by the processor after
 * every item in the batch is delivered or dead-lettered; a batch that fails as a whole is not committed and is
 * delivered again (idempotently) from the last commit.
 */
public class SchoolsOutboundRoute extends RouteBuilder {

    public static final String ROUTE_ID = "schools-outbound";

    private final SchoolsConnectorProperties props;
    private final Processor delivery;

    SchoolsOutboundRoute(SchoolsConnectorProperties props, Processor delivery) {
        this.props = props;
        this.delivery = delivery;
    }

    @Override
    public void configure() {
        from("kafka:" + props.topic() + "?groupId=hub-deliver-schools&consumersCount=" + props.consumers()
                        + "&batching=true&maxPollRecords=" + props.maxInFlight()
                        + "&pollTimeoutMs=100&batchingIntervalMs=50"
                        + "&autoCommitEnable=false&allowManualCommit=true&autoOffsetReset=earliest")
                .routeId(ROUTE_ID)
                .process(delivery);
    }
}
