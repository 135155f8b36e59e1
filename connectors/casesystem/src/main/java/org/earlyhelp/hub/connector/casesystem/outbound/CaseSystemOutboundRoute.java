package org.earlyhelp.hub.connector.casesystem.outbound;

import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;

/**
 * Reads {@code hub.outbound.casesystem} a poll at a time and hands each batch to the hub's batch support with {@link
 * CaseSystemBatchDelivery} as its step. Offsets are committed by the batch support once every record is delivered or
 * dead-lettered. Hub instances share the consumer group, so each disclosure is sent by one of them (again, with the
 * same idempotency key, only after a crash).
 */
public class CaseSystemOutboundRoute extends RouteBuilder {

    public static final String ROUTE_ID = "casesystem-outbound";
    static final String GROUP = "hub-deliver-casesystem";

    private final String topic;
    private final CaseSystemConnectorProperties props;
    private final Processor delivery;

    CaseSystemOutboundRoute(String topic, CaseSystemConnectorProperties props, Processor delivery) {
        this.topic = topic;
        this.props = props;
        this.delivery = delivery;
    }

    @Override
    public void configure() {
        from("kafka:" + topic + "?groupId=" + GROUP + "&consumersCount=" + props.consumers()
                        + "&batching=true&maxPollRecords=" + props.maxPollRecords()
                        + "&pollTimeoutMs=100&batchingIntervalMs=50"
                        + "&autoCommitEnable=false&allowManualCommit=true&autoOffsetReset=earliest")
                .routeId(ROUTE_ID)
                .process(delivery);
    }
}
