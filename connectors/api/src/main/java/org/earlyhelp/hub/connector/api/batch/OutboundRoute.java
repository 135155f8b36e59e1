package org.earlyhelp.hub.connector.api.batch;

import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;

/**
 * The one route every connector delivers by: disclosures from the partner's outbound topic, a poll at a time, handed
 * to its {@link KafkaBatch} (whose step sends them and which commits the offsets once every record of the batch is
 * delivered or dead-lettered). One consumer group per partner, {@code hub-deliver-<partner>}, across hub instances,
 * so each disclosure is delivered by one instance (a replay carries the same delivery id).
 */
public final class OutboundRoute extends RouteBuilder {

    private final String partner;
    private final String topic;
    private final int consumers;
    private final int maxPollRecords;
    private final Processor delivery;

    /**
     * @param consumers Kafka consumers on the topic (its partitions are shared among them)
     * @param maxPollRecords the most records one batch holds, so the most in flight per consumer
     */
    public OutboundRoute(String partner, String topic, int consumers, int maxPollRecords, Processor delivery) {
        this.partner = partner;
        this.topic = topic;
        this.consumers = consumers;
        this.maxPollRecords = maxPollRecords;
        this.delivery = delivery;
    }

    /** The route's id ({@code <partner>-outbound}), which names its batch in the logs and metrics too. */
    public static String routeId(String partner) {
        return partner + "-outbound";
    }

    @Override
    public void configure() {
        from("kafka:" + topic + "?groupId=hub-deliver-" + partner + "&consumersCount=" + consumers
                        + "&batching=true&maxPollRecords=" + maxPollRecords
                        + "&pollTimeoutMs=100&batchingIntervalMs=50"
                        + "&autoCommitEnable=false&allowManualCommit=true&autoOffsetReset=earliest")
                .routeId(routeId(partner))
                .process(delivery);
    }
}
