package org.earlyhelp.hub.app.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.earlyhelp.hub.connector.api.Topics;
import org.earlyhelp.hub.connector.api.batch.KafkaBatch;
import org.earlyhelp.hub.governance.flow.Recipient;
import org.earlyhelp.hub.schema.Disclosure;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.codec.RecordCodec;

/**
 * Reads a partner's dead letters ({@code hub.dlq.<partner>}) for the board: the latest of each partition, by a consumer
 * that joins no group and commits nothing, so reading moves no offset of any flow. Each letter is what could not be
 * processed: a disclosure its recipient refused (replayable, decided again), a record that could not be governed
 * (replayable, governed again) or what a partner sent that the hub refuses as sent (the partner must send it again,
 * corrected). What is shown holds no personal data: ids, codes and the reason, never a field's value.
 */
public final class DeadLetters {

    /** A letter's id in the hub's words: {@code <partner>.<partition>.<offset>}. */
    static final Pattern LETTER = Pattern.compile("([a-z][a-z0-9-]{1,31})\\.(\\d{1,4})\\.(\\d{1,19})");

    /** What a letter holds. */
    public enum Kind {
        DISCLOSURE,
        RECORD,
        AS_SENT
    }

    /**
     * One dead letter: where it is, why, and for a disclosure or record its ids (the record's type; the recipient and
     * agreement of a disclosure), never its content.
     */
    public record Letter(
            String id,
            String partner,
            Instant at,
            Kind kind,
            String reason,
            String attempts,
            String recordId,
            String recordType,
            String deliveryId,
            String recipient,
            String agreementId,
            Disclosure disclosure,
            HubRecord record) {}

    private final Function<Map<String, ?>, KafkaConsumer<String, byte[]>> consumers;
    private final Topics topics;
    private final RecordCodec codec;

    /** @param consumers makes a consumer from its own settings (the shared cluster settings applied over them) */
    public DeadLetters(
            Function<Map<String, ?>, KafkaConsumer<String, byte[]>> consumers, Topics topics, RecordCodec codec) {
        this.consumers = consumers;
        this.topics = topics;
        this.codec = codec;
    }

    /** The latest {@code limit} letters of each partition of the partner's dead-letter topic, newest first. */
    public List<Letter> latest(String partner, int limit) {
        String topic = topics.deadLetter(partner);
        List<Letter> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                return out;
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(i -> new TopicPartition(topic, i.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, Duration.ofSeconds(10));
            long wanted = 0;
            for (TopicPartition tp : partitions) {
                long from = Math.max(begins.get(tp), ends.get(tp) - limit);
                consumer.seek(tp, from);
                wanted += ends.get(tp) - from;
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (out.size() < wanted && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition()))) {
                        out.add(letter(partner, r));
                    }
                }
            }
        }
        out.sort(Comparator.comparing(Letter::at).reversed());
        return out;
    }

    /** How many dead letters each partner's topic holds (all partitions, as the broker keeps them). */
    public Map<String, Long> counts(java.util.Collection<String> partners) {
        Map<String, Long> out = new java.util.TreeMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            Map<String, List<PartitionInfo>> all = consumer.listTopics(Duration.ofSeconds(10));
            for (String partner : partners) {
                List<PartitionInfo> infos = all.get(topics.deadLetter(partner));
                if (infos == null) {
                    out.put(partner, 0L);
                    continue;
                }
                List<TopicPartition> tps = infos.stream()
                        .map(i -> new TopicPartition(i.topic(), i.partition()))
                        .toList();
                Map<TopicPartition, Long> ends = consumer.endOffsets(tps, Duration.ofSeconds(10));
                Map<TopicPartition, Long> begins = consumer.beginningOffsets(tps, Duration.ofSeconds(10));
                out.put(
                        partner,
                        tps.stream()
                                .mapToLong(tp -> ends.get(tp) - begins.get(tp))
                                .sum());
            }
        }
        return out;
    }

    /** One letter by its id, read afresh from its topic. */
    public Optional<Letter> find(String id) {
        Matcher m = LETTER.matcher(id);
        if (!m.matches()) {
            return Optional.empty();
        }
        String partner = m.group(1);
        TopicPartition tp = new TopicPartition(topics.deadLetter(partner), Integer.parseInt(m.group(2)));
        long offset = Long.parseLong(m.group(3));
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<PartitionInfo> infos = consumer.partitionsFor(tp.topic(), Duration.ofSeconds(10));
            if (infos == null || infos.stream().noneMatch(i -> i.partition() == tp.partition())) {
                return Optional.empty();
            }
            consumer.assign(List.of(tp));
            long end = consumer.endOffsets(List.of(tp), Duration.ofSeconds(10)).get(tp);
            if (offset >= end || offset < consumer.beginningOffsets(List.of(tp)).get(tp)) {
                return Optional.empty();
            }
            consumer.seek(tp, offset);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() == offset) {
                        return Optional.of(letter(partner, r));
                    }
                }
            }
            return Optional.empty();
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return consumers.apply(Map.of(
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", ByteArrayDeserializer.class.getName(),
                "enable.auto.commit", "false",
                "auto.offset.reset", "earliest",
                "max.poll.records", "500",
                "client.id", "hub-dead-letters"));
    }

    private Letter letter(String partner, ConsumerRecord<String, byte[]> r) {
        String id = partner + "." + r.partition() + "." + r.offset();
        String reason = header(r, KafkaBatch.REASON_HEADER);
        String attempts = header(r, KafkaBatch.ATTEMPTS_HEADER);
        Instant at = Instant.ofEpochMilli(r.timestamp());
        byte[] value = r.value();
        if (value != null) {
            try {
                Disclosure d = codec.decodeDisclosure(value);
                return new Letter(
                        id,
                        partner,
                        at,
                        Kind.DISCLOSURE,
                        reason,
                        attempts,
                        d.getRecordId(),
                        null,
                        d.getDeliveryId(),
                        new Recipient(
                                        d.getRecipient().getPartner(),
                                        d.getRecipient().getAddress())
                                .toString(),
                        d.getAgreementId(),
                        d,
                        null);
            } catch (RuntimeException notADisclosure) {
                // try the next kind
            }
            try {
                HubRecord h = codec.decodeRecord(value);
                return new Letter(
                        id,
                        partner,
                        at,
                        Kind.RECORD,
                        reason,
                        attempts,
                        h.getRecordId(),
                        h.getType(),
                        null,
                        null,
                        null,
                        null,
                        h);
            } catch (RuntimeException notARecord) {
                // what the partner sent, as sent
            }
        }
        return new Letter(id, partner, at, Kind.AS_SENT, reason, attempts, null, null, null, null, null, null, null);
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
