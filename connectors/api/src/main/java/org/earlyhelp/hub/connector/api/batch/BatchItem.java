package org.earlyhelp.hub.connector.api.batch;

import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * One consumed Kafka record on its way through a batch: where it came from, its original bytes (what a dead letter
 * carries), what it decoded to, and how it has fared so far. A step that handles records one by one marks a record's
 * own failure with {@link #fail(Throwable)}; the batch support then retries or dead-letters that record alone.
 */
public final class BatchItem<T> {

    private final String topic;
    private final int partition;
    private final String key;
    private final byte[] value;
    private final KafkaManualCommit commit;
    private T payload;
    private int attempts;
    private int sameFailures;
    private Failure lastFailure;
    private volatile Throwable marked;

    BatchItem(String topic, int partition, String key, byte[] value, KafkaManualCommit commit) {
        this.topic = topic;
        this.partition = partition;
        this.key = key;
        this.value = value;
        this.commit = commit;
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }

    /** The record's Kafka key: an opaque id. */
    public String key() {
        return key;
    }

    /** The bytes as consumed. */
    public byte[] value() {
        return value;
    }

    /** What the record decoded to; null when it could not be decoded. */
    public T payload() {
        return payload;
    }

    /** How many times this record has been tried, alone or with others. */
    public int attempts() {
        return attempts;
    }

    /** The failure that decided this record's dead letter, or the last one it had. */
    public Failure lastFailure() {
        return lastFailure;
    }

    /** Marks this record, and only this one, as failed in the current try; safe from any thread. */
    public void fail(Throwable cause) {
        marked = cause;
    }

    void payload(T decoded) {
        payload = decoded;
    }

    KafkaManualCommit commit() {
        return commit;
    }

    void tried() {
        attempts++;
    }

    Throwable takeMarked() {
        Throwable t = marked;
        marked = null;
        return t;
    }

    /** Counts a failure of this record; returns how many times in a row it has failed this same way. */
    int failed(Failure failure) {
        sameFailures = failure.equals(lastFailure) ? sameFailures + 1 : 1;
        lastFailure = failure;
        return sameFailures;
    }
}
