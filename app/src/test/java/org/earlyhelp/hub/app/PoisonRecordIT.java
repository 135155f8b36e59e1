package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.earlyhelp.hub.schema.Address;
import org.earlyhelp.hub.schema.CaseInvolvement;
import org.earlyhelp.hub.schema.DomesticAbuseIncident;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.RiskLevel;
import org.earlyhelp.hub.schema.Role;
import org.earlyhelp.hub.schema.Sex;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.earlyhelp.hub.simulator.schools.NotificationSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One record the hub cannot govern never stalls a flow: on the running hub (embedded Kafka and PostgreSQL, schools
 * played by a real HTTP listener), poison records put straight onto the inbound topics, as a future connector or an
 * old record might, go to the partner's dead-letter topic after a bounded number of tries, and every record around
 * them is delivered exactly once.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.embedded.data-dir=target/it-data/${random.uuid}",
            "hub.agreements.dir=${user.dir}/../agreements",
            "hub.simulator.enabled=false",
            "hub.batch.max-poll-records=2000",
            "hub.batch.max-attempts=3",
            "hub.batch.initial-backoff=20ms",
            "hub.batch.stall-after=1s",
            "hub.connectors.schools.initial-backoff=4s",
            "hub.connectors.schools.max-redeliveries=1"
        })
class PoisonRecordIT {

    static final String GOVERNANCE = "governance-dev-token";
    static final String POLICE_ROUTE = "govern-police";
    static NotificationSink schools;

    @LocalServerPort
    int port;

    @Value("${hub.kafka.bootstrap-servers}")
    String bootstrap;

    @Autowired
    RecordCodec codec;

    @Autowired
    CamelContext camel;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void startSchools() {
        schools = new NotificationSink();
    }

    @AfterAll
    static void stopSchools() {
        schools.close();
    }

    @Test
    void aNulCharacterInANameIsDeadLetteredAndTheThousandIncidentsAroundItAreEachDeliveredOnce() throws Exception {
        // Given a school, and the police govern route paused so that everything below is read as one batch
        registerSchool("310001");
        camel.getRouteController().stopRoute(POLICE_ROUTE);
        List<String> references = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> batch = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String reference = "DA/POISON/" + UUID.randomUUID().toString().substring(0, 12);
            references.add(reference);
            batch.add(onPartitionZero("hub.inbound.police", incident(reference, "310001", "Amy", dob(i))));
            if (i == 500) {
                // the poison record: a NUL in a name, which PostgreSQL's jsonb refuses
                batch.add(onPartitionZero(
                        "hub.inbound.police", incident("DA/POISON/NUL", "310001", "Am\u0000y", dob(i))));
            }
        }
        String poisonKey = batch.get(501).key();
        long duplicatesBefore = schools.duplicates();
        // When all 1,001 are on one partition and the route starts again
        produce(batch);
        camel.getRouteController().startRoute(POLICE_ROUTE);
        // Then every valid incident reaches its school exactly once
        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> assertThat(countsFor(references))
                .hasSize(1000)
                .allSatisfy((ref, n) -> assertThat(n).as(ref).isEqualTo(1)));
        assertThat(schools.duplicates()).isEqualTo(duplicatesBefore);
        // And the poison record is in hub.dlq.police with its original bytes, a reason naming only the failure kind,
        // after at most the bounded number of tries
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter("hub.dlq.police", poisonKey);
        assertThat(dead.value()).isEqualTo(batch.get(501).value());
        assertThat(header(dead, "hub-dlq-reason")).isNotBlank().doesNotContain("Am", "\u0000", "DA/POISON");
        assertThat(Integer.parseInt(header(dead, "hub-dlq-attempts"))).isBetween(1, 3);
    }

    @Test
    void anImpossibleDateOfBirthOnTheRecordsTopicIsDeadLetteredAndLaterRecordsAreStored() throws Exception {
        // Given a case-system record whose child was born in the year -999999, straight on the inbound topic
        HubRecord poison = caseRecord(LocalDate.parse("-999999-01-01"));
        HubRecord valid = caseRecord(LocalDate.of(2015, 3, 4));
        // When it is followed on the same partition by a valid record
        produce(List.of(
                onPartitionZero("hub.inbound.casesystem", poison), onPartitionZero("hub.inbound.casesystem", valid)));
        // Then the valid record is stored and resolved, and the poison record is dead-lettered
        await().atMost(Duration.ofMinutes(1))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from hub_record_person where record_id = ?",
                                Integer.class,
                                valid.getRecordId())
                        > 0);
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter("hub.dlq.casesystem", poison.getRecordId());
        assertThat(header(dead, "hub-dlq-reason")).isNotBlank().doesNotContain("999999");
    }

    @Test
    void anImpossibleDateOfBirthInAPoliceIncidentDoesNotHoldBackTheNextNotification() throws Exception {
        registerSchool("310002");
        String reference = "DA/POISON/" + UUID.randomUUID().toString().substring(0, 12);
        HubRecord poison = incident("DA/POISON/DOB", "310002", "Amy", LocalDate.parse("-999999-01-01"));
        produce(List.of(
                onPartitionZero("hub.inbound.police", poison),
                onPartitionZero("hub.inbound.police", incident(reference, "310002", "Amy", dob(7)))));
        await().atMost(Duration.ofMinutes(1))
                .untilAsserted(() -> assertThat(countsFor(List.of(reference))).containsEntry(reference, 1));
        assertThat(header(awaitDeadLetter("hub.dlq.police", poison.getRecordId()), "hub-dlq-reason"))
                .isNotBlank();
    }

    @Test
    void readinessReportsAConsumerThatStopsAdvancingAndLivenessStaysUp() throws Exception {
        // Given a school whose endpoint keeps answering 503, so its notification waits between retries
        registerSchool("310003");
        schools.failNext(2, 503);
        // When an incident about its pupil is on its way
        produce(List.of(onPartitionZero(
                "hub.inbound.police", incident("DA/POISON/" + UUID.randomUUID(), "310003", "Amy", dob(3)))));
        // Then the hub says it is not ready while the delivery has not advanced for longer than stall-after
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var readiness = HubProcess.send(port, "GET", "/actuator/health/readiness", null, null);
            assertThat(readiness.statusCode()).isEqualTo(503);
            // (the details, which flow and how many records, are for the governance credential only)
            assertThat(readiness.body()).contains("OUT_OF_SERVICE").doesNotContain("Amy");
        });
        var liveness = HubProcess.send(port, "GET", "/actuator/health/liveness", null, null);
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("UP");
        // And ready again once the notification is dead-lettered and the partition moves on
        await().atMost(Duration.ofSeconds(60))
                .until(() -> HubProcess.send(port, "GET", "/actuator/health/readiness", null, null)
                                .statusCode()
                        == 200);
    }

    @Test
    void theDirectoryRefusesEndpointsThatAreNotHttpsToAPublicHostNamingTheFieldOnly() throws Exception {
        for (String bad : List.of(
                "http:foo",
                "https:///nohost",
                "https://169.254.169.254/latest/meta-data",
                "https://10.0.0.7/encompass",
                "http://203.0.113.10/encompass")) {
            var r = HubProcess.send(
                    port,
                    "PUT",
                    "/api/directory/schools/310004",
                    GOVERNANCE,
                    "{\"name\":\"S\",\"endpoint\":\"" + bad + "\"}");
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.body())
                    .as(bad)
                    .contains("\"field\":\"endpoint\"", "\"reason\"")
                    .doesNotContain(bad);
        }
        // the embedded run's own walk-through endpoint is accepted
        var ok = HubProcess.send(
                port,
                "PUT",
                "/api/directory/schools/310004",
                GOVERNANCE,
                "{\"name\":\"S\",\"endpoint\":\"http://localhost:9099/encompass\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
    }

    @Test
    void aSchoolWithAnUnusableStoredEndpointHoldsUpNoOtherSchool() throws Exception {
        // Given a school whose endpoint was stored before the directory checked endpoints, and a good school
        jdbc.update("insert into school_endpoint (urn, endpoint_url) values ('310005', 'http:foo')"
                + " on conflict (urn) do update set endpoint_url = excluded.endpoint_url");
        registerSchool("310006");
        String bad = "DA/POISON/" + UUID.randomUUID().toString().substring(0, 12);
        String good = "DA/POISON/" + UUID.randomUUID().toString().substring(0, 12);
        // When incidents for both arrive on one partition, the bad school's first
        produce(List.of(
                onPartitionZero("hub.inbound.police", incident(bad, "310005", "Amy", dob(1))),
                onPartitionZero("hub.inbound.police", incident(good, "310006", "Amy", dob(2)))));
        // Then the good school is told, and the other notification is dead-lettered with a reason free of the URL
        await().atMost(Duration.ofMinutes(1))
                .untilAsserted(() -> assertThat(countsFor(List.of(good))).containsEntry(good, 1));
        assertThat(countsFor(List.of(bad))).isEmpty();
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                        "select count(*) from delivery where recipient = 'schools:310005' and status = 'DEAD_LETTERED'",
                        Integer.class))
                .isEqualTo(1));
    }

    private Map<String, Integer> countsFor(List<String> references) {
        Map<String, Integer> wanted = new HashMap<>();
        references.forEach(r -> wanted.put("\"" + r + "\"", 0));
        Map<String, Integer> counts = new HashMap<>();
        for (NotificationSink.Received r : schools.received()) {
            int start = r.body().indexOf("\"incident.reference\":\"");
            if (start < 0) {
                continue;
            }
            int from = start + "\"incident.reference\":".length();
            String quoted = r.body().substring(from, r.body().indexOf('"', from + 1) + 1);
            if (wanted.containsKey(quoted)) {
                counts.merge(quoted.substring(1, quoted.length() - 1), 1, Integer::sum);
            }
        }
        return counts;
    }

    private ProducerRecord<String, byte[]> onPartitionZero(String topic, HubRecord record) {
        return new ProducerRecord<>(topic, 0, record.getRecordId(), codec.encode(record));
    }

    private void produce(List<ProducerRecord<String, byte[]>> records) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (ProducerRecord<String, byte[]> r : records) {
                producer.send(r);
            }
            producer.flush();
        }
    }

    private ConsumerRecord<String, byte[]> awaitDeadLetter(String topic, String key) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofMinutes(1)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
        }
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private void registerSchool(String urn) throws Exception {
        var r = HubProcess.send(
                port,
                "PUT",
                "/api/directory/schools/" + urn,
                GOVERNANCE,
                "{\"name\":\"School " + urn + "\",\"endpoint\":\"" + schools.baseUrl() + "/schools/" + urn
                        + "/notifications\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static LocalDate dob(int i) {
        return LocalDate.of(2012, 1, 1).plusDays(i);
    }

    static HubRecord incident(String reference, String urn, String givenName, LocalDate dateOfBirth) {
        Address place = Address.newBuilder()
                .setLines(List.of("12 Acacia Avenue", "Chesterfield"))
                .setPostcode("S41 7AB")
                .build();
        Person child = Person.newBuilder()
                .setRef("c1")
                .setRole(Role.CHILD)
                .setGivenName(givenName)
                .setFamilyName("Poisonson")
                .setDateOfBirth(dateOfBirth)
                .setSex(Sex.FEMALE)
                .setAddress(place)
                .setSchoolUrn(urn)
                .build();
        DomesticAbuseIncident incident = DomesticAbuseIncident.newBuilder()
                .setReference(reference)
                .setOccurredAt(Instant.parse("2026-11-22T21:40:00Z"))
                .setPlace(place)
                .setChildrenPresent(List.of("c1"))
                .setRiskLevel(RiskLevel.MEDIUM)
                .build();
        return HubRecord.newBuilder()
                .setRecordId(UUID.randomUUID().toString())
                .setKind(RecordKind.EVENT)
                .setType("domestic-abuse-incident")
                .setProvider("police")
                .setReceivedAt(Instant.now())
                .setPeople(List.of(child))
                .setPayload(org.earlyhelp.hub.schema.payload.Payloads.encode(incident))
                .build();
    }

    static HubRecord caseRecord(LocalDate dateOfBirth) {
        Person child = Person.newBuilder()
                .setRef("c")
                .setRole(Role.CHILD)
                .setGivenName("Jessica")
                .setFamilyName("Poisonworth")
                .setDateOfBirth(dateOfBirth)
                .build();
        return HubRecord.newBuilder()
                .setRecordId(UUID.randomUUID().toString())
                .setKind(RecordKind.INVOLVEMENT)
                .setType("case-involvement")
                .setProvider("casesystem")
                .setReceivedAt(Instant.now())
                .setPeople(List.of(child))
                .setPayload(org.earlyhelp.hub.schema.payload.Payloads.encode(CaseInvolvement.newBuilder()
                        .setCaseType("early-help")
                        .setStatus("open")
                        .setOpenedOn(LocalDate.of(2026, 10, 1))
                        .setRelationships(List.of())
                        .build()))
                .build();
    }
}
