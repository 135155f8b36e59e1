package org.earlyhelp.hub.connector.police;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.springframework.stereotype.Component;

/**
 * Publishes an accepted incident, already mapped and encoded, to {@code hub.inbound.police}. The caller waits for the
 * broker's acknowledgement (acks=all, idempotent producer), so a 202 means the incident is durable. Only the opaque
 * record id travels as the key; every other header is removed so nothing personal reaches Kafka headers.
 */
@Component
public class PoliceInboundRoute extends RouteBuilder {

    public static final String ROUTE_ID = "police-inbound";
    public static final String ENDPOINT = "direct:police-inbound";

    @Override
    public void configure() {
        from(ENDPOINT)
                .routeId(ROUTE_ID)
                .removeHeaders("*", KafkaConstants.KEY)
                .to("kafka:{{hub.topics.police-inbound}}");
    }
}
