package org.earlyhelp.hub.connector.api.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends a batch of records and returns only when the broker has acknowledged every one (the producer is idempotent
 * with acks=all), so the caller can commit its input offsets knowing nothing is in flight.
 */
public class TopicPublisher {

    private final Producer<String, byte[]> producer;

    public TopicPublisher(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    public void publishAll(List<ProducerRecord<String, byte[]>> records) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        for (ProducerRecord<String, byte[]> r : records) {
            acks.add(producer.send(r));
        }
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the broker", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the broker did not acknowledge a record", e.getCause());
            }
        }
    }
}
