package org.earlyhelp.hub.routes.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.agreement.AgreementLoader;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.EntryType;
import org.earlyhelp.hub.governance.ledger.LedgerEntry;
import org.earlyhelp.hub.governance.minimise.AtRestMinimiser;
import org.earlyhelp.hub.governance.minimise.FieldCatalogue;
import org.earlyhelp.hub.governance.minimise.RecordRetention;
import org.earlyhelp.hub.schema.Address;
import org.earlyhelp.hub.schema.DomesticAbuseIncident;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.Role;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.earlyhelp.hub.schema.codec.SchemaRegistry;
import org.earlyhelp.hub.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the record store keeps, and for how long, on a real PostgreSQL with a clock the test moves. */
class RecordAtRestTest {

    static final String NOTES = "Zebedee-7731 officer remark";
    static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    static TestDatabase postgres;
    static DataSource dataSource;
    static JdbcTemplate jdbc;

    final List<Agreement> agreements = AgreementLoader.loadDirectory(Path.of("..", "agreements"));
    final MovableClock clock = new MovableClock(START);
    final RecordCodec codec = new RecordCodec(SchemaRegistry.load());
    final RecordStore store = new RecordStore(
            dataSource,
            new AtRestMinimiser(
                    () -> agreements, new FieldCatalogue(org.earlyhelp.hub.testsupport.TestPayloads.CORE), clock),
            codec);
    final DisclosureLedger ledger = new DisclosureLedger(
            dataSource,
            clock,
            new org.earlyhelp.hub.governance.ledger.ChainKey(
                    "a chain key of at least 32 bytes, for tests only".getBytes()));
    final RecordPurge purge = new RecordPurge(dataSource, new RecordRetention(() -> agreements), ledger, clock, 2);

    @BeforeAll
    static void start() throws IOException {
        postgres = TestDatabase.migrated();
        dataSource = postgres.dataSource();
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void empty() {
        jdbc.update("delete from hub_record_person");
        jdbc.update("delete from hub_record");
    }

    @Test
    void officersNotesAreNotWrittenToTheRecordStore() {
        // Given an incident as it arrived, with the officer's notes
        HubRecord incident = incident(START);
        // When the store keeps it
        store.saveAll(List.of(incident), List.of(codec.encode(incident)));
        // Then the stored bytes hold the child's name but not the notes
        byte[] body =
                jdbc.queryForObject("select body from hub_record where record_id = ?", byte[].class, id(incident));
        String text = new String(body, StandardCharsets.ISO_8859_1);
        assertThat(text).contains("Marigold").doesNotContain(NOTES);
        assertThat(org.earlyhelp.hub.testsupport.TestPayloads.decode(
                                codec.decodeRecord(body), DomesticAbuseIncident.class)
                        .getOfficerNotes())
                .isNull();
    }

    @Test
    void recordsArePurgedOnceTheLongestRetentionHasPassedEachBatchALedgerEntry() {
        // Given three incidents received now and one a day later (the agreements keep incidents a year)
        List<HubRecord> first = List.of(incident(START), incident(START), incident(START));
        HubRecord later = incident(START.plus(Duration.ofDays(1)));
        save(first);
        save(List.of(later));
        // When the purge runs before the year is out
        clock.set(START.plus(Duration.ofDays(364)));
        assertThat(purge.purgeExpired()).isEqualTo(new RecordPurge.Result(true, 0));
        // Then nothing is purged; and a year and an hour on, exactly the first three are, in batches of two
        clock.set(START.atZone(ZoneOffset.UTC).plusYears(1).plusHours(1).toInstant());
        assertThat(purge.purgeExpired()).isEqualTo(new RecordPurge.Result(true, 3));
        assertThat(jdbc.queryForList("select record_id from hub_record", String.class))
                .containsExactly(id(later));
        assertThat(jdbc.queryForObject(
                        "select count(*) from hub_record_person where record_id <> ?", Integer.class, id(later)))
                .isZero();
        // And each batch is a PURGE entry naming counts and record ids, with nothing personal in it
        List<LedgerEntry> purges = purgesOf(first);
        assertThat(purges).hasSize(2);
        assertThat(purges.stream()
                        .mapToInt(e -> Integer.parseInt(e.details().get("count")))
                        .sum())
                .isEqualTo(3);
        assertThat(purges.stream()
                        .flatMap(e -> List.of(e.details().get("recordIds").split(",")).stream())
                        .toList())
                .containsExactlyInAnyOrderElementsOf(
                        first.stream().map(r -> id(r)).toList());
        assertThat(purges.get(0).details())
                .containsEntry("provider", "police")
                .containsEntry("type", "domestic-abuse-incident")
                .containsEntry("retention", "P1Y");
        assertThat(purges.toString()).doesNotContain("Marigold", "2016-05-01");
    }

    @Test
    void aRecordNoAgreementCouldReleaseIsPurgedAtTheNextRound() {
        // Given an incident stored after every agreement for incidents has ended
        clock.set(Instant.parse("2027-09-01T10:00:00Z"));
        HubRecord incident = incident(clock.instant().minusSeconds(60));
        save(List.of(incident));
        // When the purge runs
        RecordPurge.Result result = purge.purgeExpired();
        // Then it is gone, with its entry saying no retention applied
        assertThat(result.purged()).isEqualTo(1);
        assertThat(purgesOf(List.of(incident))).singleElement().satisfies(e -> assertThat(e.details())
                .containsEntry("retention", "none"));
    }

    @Test
    void twoInstancesPurgingAtOnceDeleteEachRecordOnceAndLedgerItOnce() throws Exception {
        // Given many expired records and two purges (two hub instances) on the same database
        List<HubRecord> expired = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expired.add(incident(START));
        }
        save(expired);
        clock.set(START.atZone(ZoneOffset.UTC).plusYears(2).toInstant());
        RecordPurge other = new RecordPurge(dataSource, new RecordRetention(() -> agreements), ledger, clock, 2);
        // When both run at the same time
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<RecordPurge.Result>> results =
                    two.invokeAll(List.<Callable<RecordPurge.Result>>of(purge::purgeExpired, other::purgeExpired));
            int purged = 0;
            for (Future<RecordPurge.Result> r : results) {
                purged += r.get().purged();
            }
            // Then every record is purged exactly once, and listed in exactly one PURGE entry
            assertThat(purged).isEqualTo(20);
        } finally {
            two.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from hub_record", Integer.class))
                .isZero();
        List<String> listed = purgesOf(expired).stream()
                .flatMap(e -> List.of(e.details().get("recordIds").split(",")).stream())
                .toList();
        assertThat(listed).hasSize(20).doesNotHaveDuplicates();
    }

    /** The PURGE entries listing any of these records (the ledger is shared by every test here). */
    private List<LedgerEntry> purgesOf(List<HubRecord> records) {
        java.util.Set<String> ids =
                records.stream().map(HubRecord::getRecordId).collect(java.util.stream.Collectors.toSet());
        return ledger.events(EntryType.PURGE, Instant.EPOCH).stream()
                .filter(e -> List.of(e.details().get("recordIds").split(",")).stream()
                        .anyMatch(ids::contains))
                .toList();
    }

    private void save(List<HubRecord> records) {
        store.saveAll(records, records.stream().map(codec::encode).toList());
    }

    private static String id(HubRecord r) {
        return r.getRecordId();
    }

    static HubRecord incident(Instant receivedAt) {
        Address home = Address.newBuilder()
                .setLines(List.of("4 Quarry Lane", "Chesterfield"))
                .setPostcode("S40 1AA")
                .build();
        Person child = Person.newBuilder()
                .setRef("c1")
                .setRole(Role.CHILD)
                .setGivenName("Marigold")
                .setFamilyName("Thistlewood")
                .setDateOfBirth(LocalDate.of(2016, 5, 1))
                .setAddress(home)
                .setSchoolUrn("100001")
                .build();
        return HubRecord.newBuilder()
                .setRecordId(UUID.randomUUID().toString())
                .setKind(RecordKind.EVENT)
                .setType("domestic-abuse-incident")
                .setProvider("police")
                .setReceivedAt(receivedAt)
                .setPeople(List.of(child))
                .setPayload(org.earlyhelp.hub.schema.payload.Payloads.encode(DomesticAbuseIncident.newBuilder()
                        .setReference("DA/" + UUID.randomUUID())
                        .setOccurredAt(receivedAt.minusSeconds(3600))
                        .setPlace(home)
                        .setChildrenPresent(List.of("c1"))
                        .setOfficerNotes(NOTES)
                        .build()))
                .build();
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
