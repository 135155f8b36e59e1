package org.earlyhelp.hub.connector.health;

import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;

/**
 * Delivers disclosures from {@code hub.outbound.health} to the health system's FHIR server, a poll at a time, on the hub's batch
 * support (with {@link org.earlyhelp.hub.connector.api.batch.DisclosureDelivery} sending through {@link
 * HealthFhirClient} as its step); offsets are committed once every record of the batch is
 * delivered or dead-lettered. Exists only when the FHIR base is configured. One consumer group across hub instances,
 * so each disclosure is delivered by one instance (and a replay carries the same Idempotency-Key).
 */
public class HealthOutboundRoute extends RouteBuilder {

    public static final String ROUTE_ID = "health-outbound";

    private final String topic;
    private final HealthConnectorProperties props;
    private final Processor delivery;

    HealthOutboundRoute(String topic, HealthConnectorProperties props, Processor delivery) {
        this.topic = topic;
        this.props = props;
        this.delivery = delivery;
    }

    @Override
    public void configure() {
        from("kafka:" + topic + "?groupId=hub-deliver-health&consumersCount=" + props.consumers()
                        + "&batching=true&maxPollRecords=" + props.maxInFlight()
                        + "&pollTimeoutMs=100&batchingIntervalMs=50"
                        + "&autoCommitEnable=false&allowManualCommit=true&autoOffsetReset=earliest")
                .routeId(ROUTE_ID)
                .process(delivery);
    }
}
