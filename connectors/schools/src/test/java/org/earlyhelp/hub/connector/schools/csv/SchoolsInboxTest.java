package org.earlyhelp.hub.connector.schools.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.earlyhelp.hub.connector.api.Connectors;
import org.earlyhelp.hub.connector.api.PartnerMetrics;
import org.earlyhelp.hub.connector.api.Topics;
import org.earlyhelp.hub.connector.api.batch.KafkaBatch;
import org.earlyhelp.hub.connector.api.intake.IdempotentIntake;
import org.earlyhelp.hub.connector.api.intake.RecordIntake;
import org.earlyhelp.hub.governance.minimise.AtRestMinimiser;
import org.earlyhelp.hub.governance.minimise.FieldCatalogue;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.SchoolAttendance;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.earlyhelp.hub.schema.codec.SchemaRegistry;
import org.earlyhelp.hub.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The watched folder with two hub instances on one PostgreSQL: each file is processed once, its good rows become
 * attendance records of the folder's organisation, each bad row one dead letter with a reason, and the file moves on.
 */
class SchoolsInboxTest {

    static TestDatabase db;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
    static final Topics TOPICS = new Topics("hub.inbound.", "hub.dlq.", "hub.outbound.");

    final RecordCodec codec = new RecordCodec(SchemaRegistry.load());
    final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());

    @TempDir
    Path inbox;

    @BeforeAll
    static void start() {
        db = TestDatabase.migrated();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    SchoolsInbox instance(String name) {
        RecordIntake intake = new RecordIntake(
                new IdempotentIntake(db.dataSource(), CLOCK, Duration.ofMinutes(1)),
                new AtRestMinimiser(
                        List::of, new FieldCatalogue(Connectors.discover().payloadTypes()), CLOCK),
                producer,
                codec,
                TOPICS,
                CLOCK);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        return new SchoolsInbox(
                inbox,
                new InboxClaims(new JdbcTemplate(db.dataSource()), Duration.ofMinutes(10)),
                intake,
                producer,
                TOPICS,
                Map.of(
                        "schools",
                        new PartnerMetrics(meters, "schools", CLOCK),
                        "council",
                        new PartnerMetrics(meters, "council", CLOCK)),
                CLOCK,
                name);
    }

    @Test
    void twoInstancesProcessEachFileOnceAndDeadLetterEachBadRow() throws Exception {
        // Given the example file, with one bad row and one row for another school, in school 123456's folder
        Path folder = Files.createDirectories(inbox.resolve("123456"));
        String file = Files.readString(AttendanceCsvReaderTest.EXAMPLE)
                + "123456,2026-autumn,p4,,Zephyrine,Quillfeather,2013-02-30,F,,/\\/\\,,,\n"
                + "654321,2026-autumn,p5,,Zephyrine,Quillfeather,2013-07-19,F,,/\\/\\,,,\n";
        Files.writeString(folder.resolve("autumn.csv"), file);

        // When two instances poll the folder at once
        SchoolsInbox a = instance("a");
        SchoolsInbox b = instance("b");
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Callable<Integer>> polls = List.of(a::poll, b::poll);
        int processed = 0;
        for (var f : two.invokeAll(polls)) {
            processed += f.get();
        }
        two.shutdown();

        // Then one of them processed it: three attendance records of the school, two dead letters with reasons
        assertThat(processed).isEqualTo(1);
        List<ProducerRecord<String, byte[]>> inbound = producer.history().stream()
                .filter(r -> r.topic().equals("hub.inbound.schools"))
                .toList();
        assertThat(inbound).hasSize(3);
        HubRecord first = codec.decodeRecord(inbound.get(0).value());
        assertThat(first.getProviderOrganisation()).isEqualTo("schools:123456");
        SchoolAttendance amelia = org.earlyhelp.hub.testsupport.TestPayloads.decode(first, SchoolAttendance.class);
        assertThat(amelia.getAttendancePercent()).isEqualTo(86.4);
        assertThat(amelia.getPersistentAbsence()).isTrue();
        List<String> reasons = producer.history().stream()
                .filter(r -> r.topic().equals("hub.dlq.schools"))
                .map(r -> new String(
                        r.headers().lastHeader(KafkaBatch.REASON_HEADER).value(), StandardCharsets.UTF_8))
                .toList();
        assertThat(reasons)
                .containsExactlyInAnyOrder(
                        "row 4: date_of_birth must be a date YYYY-MM-DD",
                        "row 5: a school may report only its own URN");
        assertThat(String.join(" ", reasons)).doesNotContain("Zephyrine", "654321", "2013");
        assertThat(producer.history().stream().map(ProducerRecord::key)).noneMatch(k -> k.contains("Zephyrine"));
        // and the file has moved aside, so a later poll reads nothing
        assertThat(folder.resolve("autumn.csv")).doesNotExist();
        assertThat(folder.resolve("processed/autumn.csv")).exists();
        assertThat(a.poll() + b.poll()).isZero();
    }

    @Test
    void theSameFileDroppedAgainIsNotProcessedTwice() throws Exception {
        Path folder = Files.createDirectories(inbox.resolve("education-service"));
        String example = Files.readString(AttendanceCsvReaderTest.EXAMPLE).replace("123456", "100200");
        Files.writeString(folder.resolve("roll.csv"), example);
        SchoolsInbox a = instance("a");
        assertThat(a.poll()).isEqualTo(1);
        long before = producer.history().size();
        // the education service's roll records are under its own organisation, for any URN
        assertThat(codec.decodeRecord(producer.history().get(0).value()).getProviderOrganisation())
                .isEqualTo("council:education-service");

        Files.writeString(folder.resolve("roll.csv"), example);
        assertThat(instance("b").poll()).isZero();
        assertThat(producer.history()).hasSize((int) before);
    }
}
