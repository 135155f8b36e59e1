package org.earlyhelp.hub.governance.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.earlyhelp.hub.governance.decision.Outcome;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger.Delivery;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger.DeliveryStatus;
import org.earlyhelp.hub.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real PostgreSQL with the shipped migrations: one server for the class, emptied before each test. */
class DisclosureLedgerTest {

    /** Nanosecond precision on purpose: the ledger must still verify after PostgreSQL keeps only microseconds. */
    static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123456789Z");

    static TestDatabase postgres;
    static DataSource dataSource;

    static final ChainKey KEY = new ChainKey("a chain key of at least 32 bytes, for tests only".getBytes());

    final DisclosureLedger ledger = new DisclosureLedger(dataSource, Clock.fixed(NOW, ZoneOffset.UTC), KEY);
    final LedgerVerifier verifier = new LedgerVerifier(dataSource, KEY);

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = TestDatabase.migrated();
        dataSource = postgres.dataSource();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void emptyTheLedger() throws SQLException {
        sql("truncate ledger_entry, delivery");
        sql("update ledger_head set seq = 0, hash = 'genesis' where id = 1");
        sql("update ledger_chain set keyed_from = 1 where id = 1");
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static long count(String table) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static LedgerDraft permit(String key, String recordId, String subjectKey, String recipient) {
        return new LedgerDraft(
                key,
                Outcome.PERMIT,
                recordId,
                subjectKey,
                "police",
                recipient,
                "police-to-schools-domestic-abuse",
                1,
                "safeguarding/domestic-abuse-notification",
                "art6:public-task",
                List.of("child.name", "incident.reference"),
                List.of("police-to-schools-domestic-abuse v1 permits safeguarding/domestic-abuse-notification"));
    }

    private static LedgerDraft uncovered(String key, String recordId) {
        return new LedgerDraft(
                key,
                Outcome.DENY,
                recordId,
                null,
                "police",
                "none",
                null,
                null,
                null,
                null,
                List.of(),
                List.of("no agreement covers event/missing-episode from police"));
    }

    private static List<LedgerDraft> drafts(int n) {
        return IntStream.rangeClosed(1, n)
                .mapToObj(i -> i % 4 == 0
                        ? uncovered("key-" + i, "rec-" + i)
                        : permit("key-" + i, "rec-" + i, "subject-" + i, "schools:10000" + i))
                .toList();
    }

    @Test
    void appendNumbersEntriesFromOneAndChainsEachToThePrevious() {
        // Given
        List<LedgerDraft> drafts = drafts(5);

        // When
        List<LedgerEntry> first = ledger.append(drafts.subList(0, 3));
        List<LedgerEntry> second = ledger.append(drafts.subList(3, 5));

        // Then
        List<LedgerEntry> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        assertThat(all).extracting(LedgerEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(all.get(0).prevHash()).isEqualTo("genesis");
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).prevHash()).isEqualTo(all.get(i - 1).hash());
        }
        assertThat(all).allSatisfy(e -> {
            assertThat(e.hash()).matches("[0-9a-f]{64}");
            assertThat(e.decidedAt()).isEqualTo(NOW.truncatedTo(ChronoUnit.MICROS));
        });
        assertThat(all)
                .extracting(LedgerEntry::decisionKey)
                .containsExactly("key-1", "key-2", "key-3", "key-4", "key-5");
    }

    @Test
    void appendingTheSameDecisionKeysAgainReturnsTheSameEntriesAndAddsNothing() throws SQLException {
        // Given
        List<LedgerDraft> drafts = drafts(3);
        List<LedgerEntry> written = ledger.append(drafts);

        // When
        List<LedgerEntry> again = ledger.append(drafts);
        List<LedgerEntry> withOneNew = ledger.append(List.of(drafts.get(1), permit("key-new", "rec-9", "s", "x")));

        // Then
        assertThat(again).isEqualTo(written);
        assertThat(withOneNew.get(0)).isEqualTo(written.get(1));
        assertThat(withOneNew.get(1).seq()).isEqualTo(4L);
        assertThat(withOneNew.get(1).prevHash()).isEqualTo(written.get(2).hash());
        assertThat(count("ledger_entry")).isEqualTo(4L);
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void appendingNothingWritesNothing() throws SQLException {
        // When
        List<LedgerEntry> entries = ledger.append(List.of());

        // Then
        assertThat(entries).isEmpty();
        assertThat(count("ledger_entry")).isZero();
    }

    @Test
    void cleanLedgerVerifiesIntact() {
        // Given
        LedgerVerifier.Result empty = verifier.verify();
        ledger.append(drafts(5));

        // When
        LedgerVerifier.Result result = verifier.verify();

        // Then
        assertThat(empty.intact()).isTrue();
        assertThat(empty.checked()).isZero();
        assertThat(result.intact()).isTrue();
        assertThat(result.checked()).isEqualTo(5L);
        assertThat(result.firstBroken()).isEmpty();
        assertThat(result.toString()).contains("intact", "5 entries");
    }

    @Test
    void editedEntryIsNamedByTheVerifier() throws SQLException {
        // Given
        ledger.append(drafts(5));

        // When
        sql("update ledger_entry set fields_released = '{child.name,perpetrator.name}' where seq = 3");
        LedgerVerifier.Result result = verifier.verify();

        // Then
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBroken()).contains(3L);
        assertThat(result.checked()).isEqualTo(2L);
        assertThat(result.toString()).contains("entry 3", "do not match its hash");
    }

    @Test
    void deletedMiddleEntryIsNamedAsAGap() throws SQLException {
        // Given
        ledger.append(drafts(5));

        // When
        sql("delete from ledger_entry where seq = 3");
        LedgerVerifier.Result result = verifier.verify();

        // Then
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBroken()).isPresent();
        assertThat(result.toString()).contains("entry 3 is missing");
    }

    @Test
    void truncatedTailIsFoundThroughTheChainHead() throws SQLException {
        // Given
        ledger.append(drafts(5));

        // When
        sql("delete from ledger_entry where seq = 5");
        LedgerVerifier.Result result = verifier.verify();

        // Then
        assertThat(result.intact()).isFalse();
        assertThat(result.toString()).contains("chain head says 5 entries");
    }

    @Test
    void rewrittenChainWithAForgedLinkIsFound() throws SQLException {
        // Given
        ledger.append(drafts(3));

        // When
        sql("update ledger_entry set prev_hash = 'genesis' where seq = 2");
        LedgerVerifier.Result result = verifier.verify();

        // Then
        assertThat(result.firstBroken()).contains(2L);
        assertThat(result.toString()).contains("link to the previous entry is broken");
    }

    @Test
    void deliveryIsRecordedOnceAndTheFirstOutcomeWins() throws SQLException {
        // Given
        List<LedgerEntry> entries = ledger.append(drafts(1));
        String key = entries.get(0).decisionKey();

        // When
        ledger.recordDelivery(key, "schools:100001", DeliveryStatus.DELIVERED, 1, 201);
        ledger.recordDelivery(key, "schools:100001", DeliveryStatus.DEAD_LETTERED, 5, 500);
        Map<String, Delivery> deliveries = ledger.deliveries(List.of(key, "unknown-key"));

        // Then
        assertThat(count("delivery")).isEqualTo(1L);
        assertThat(deliveries).containsOnlyKeys(key);
        Delivery d = deliveries.get(key);
        assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(d.httpStatus()).isEqualTo(201);
        assertThat(d.completedAt()).isCloseTo(NOW, within(1, ChronoUnit.MILLIS));
    }

    @Test
    void deadLetterWithoutHttpStatusIsRecorded() {
        // When
        ledger.recordDelivery("key-x", "schools:100009", DeliveryStatus.DEAD_LETTERED, 8, null);

        // Then
        assertThat(ledger.deliveries(List.of("key-x")).get("key-x")).satisfies(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.DEAD_LETTERED);
            assertThat(d.attempts()).isEqualTo(8);
            assertThat(d.httpStatus()).isNull();
        });
    }

    @Test
    void findsEntriesByRecordSubjectAndAgreement() {
        // Given
        ledger.append(List.of(
                permit("k1", "rec-A", "subject-amy", "schools:100001"),
                permit("k2", "rec-A", "subject-ben", "schools:100002"),
                permit("k3", "rec-B", "subject-amy", "schools:100001"),
                uncovered("k4", "rec-C")));

        // When
        List<LedgerEntry> byRecord = ledger.findByRecord("rec-A");
        List<LedgerEntry> bySubject = ledger.findBySubject("subject-amy");
        List<LedgerEntry> byAgreement = ledger.findByAgreement("police-to-schools-domestic-abuse");
        List<LedgerEntry> unknown = ledger.findByRecord("rec-Z");

        // Then
        assertThat(byRecord).extracting(LedgerEntry::decisionKey).containsExactly("k1", "k2");
        assertThat(bySubject).extracting(LedgerEntry::decisionKey).containsExactly("k1", "k3");
        assertThat(byAgreement).extracting(LedgerEntry::decisionKey).containsExactly("k1", "k2", "k3");
        assertThat(unknown).isEmpty();
        assertThat(byRecord.get(0).fieldsReleased()).containsExactly("child.name", "incident.reference");
        assertThat(byRecord.get(0).agreementVersion()).isEqualTo(1);
    }

    @Test
    void entriesReadBackEqualThoseAppended() {
        // Given
        List<LedgerEntry> written = ledger.append(drafts(4));

        // When
        List<LedgerEntry> read = ledger.findByRecord("rec-4");

        // Then
        assertThat(read).containsExactly(written.get(3));
        assertThat(read.get(0).agreementId()).isNull();
        assertThat(read.get(0).agreementVersion()).isNull();
        assertThat(read.get(0).subjectKey()).isNull();
    }

    @Test
    void typedEventsChainWithDisclosuresAndAnEditedDetailIsNamed() throws SQLException {
        // Given a disclosure, then a consent event and a credential event in the same chain
        ledger.append(drafts(1));
        LedgerDraft consent = LedgerDraft.event(
                EntryType.CONSENT,
                "consent-1",
                "casesystem:early-help-north",
                "subject-a",
                Map.of("agreement", "health-to-casesystem-family-view", "given", "true", "basis", "parental"));
        LedgerDraft credential = LedgerDraft.event(
                EntryType.CREDENTIAL_ISSUED, "cred-1", "governance:board", null, Map.of("organisation", "schools:1"));

        // When
        List<LedgerEntry> entries = ledger.append(List.of(consent, credential));

        // Then they read back typed, are found by type, and the chain verifies
        assertThat(entries)
                .extracting(LedgerEntry::type)
                .containsExactly(EntryType.CONSENT, EntryType.CREDENTIAL_ISSUED);
        assertThat(ledger.events(EntryType.CONSENT, NOW.minusSeconds(60)))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("casesystem:early-help-north");
                    assertThat(e.details()).containsEntry("basis", "parental").containsEntry("given", "true");
                    assertThat(e.decision()).isNull();
                });
        assertThat(ledger.append(List.of(consent)))
                .extracting(LedgerEntry::seq)
                .containsExactly(entries.get(0).seq());
        assertThat(verifier.verify().intact()).isTrue();

        // And an edited detail breaks the chain at that entry
        sql("update ledger_entry set details = '{\"given\": \"false\"}'::jsonb where decision_key = 'consent-1'");
        assertThat(verifier.verify().firstBroken()).contains(entries.get(0).seq());
    }

    @Test
    void personSearchFindsEntriesKeyedUnderEveryKeyVersionAndBothUnicodeForms() {
        // Given an entry for NFD "José" written under the old key, then the key rotated and NFC "José" written
        var oldKey = new org.earlyhelp.hub.governance.minimise.Pseudonymiser(
                "the pseudonymisation key before rotation".getBytes());
        var newKey = new org.earlyhelp.hub.governance.minimise.Pseudonymiser(
                "the pseudonymisation key after rotation!".getBytes());
        java.time.LocalDate dob = java.time.LocalDate.of(2015, 3, 4);
        String nfd = java.text.Normalizer.normalize("José", java.text.Normalizer.Form.NFD);
        String nfc = java.text.Normalizer.normalize("José", java.text.Normalizer.Form.NFC);
        ledger.append(List.of(permit("before", "rec-1", new SubjectKey(oldKey).of(nfd, "Ashworth", dob), "x")));
        SubjectKey rotated = new SubjectKey(newKey, List.of(oldKey));
        ledger.append(List.of(permit("after", "rec-2", rotated.of(nfc, "Ashworth", dob), "x")));
        ledger.append(List.of(permit("other", "rec-3", rotated.of("Jose", "Ashworth", dob.plusDays(1)), "x")));

        // When the board searches with the NFC spelling
        List<LedgerEntry> found = ledger.findBySubjects(rotated.candidates(nfc, "ASHWORTH", dob));

        // Then both entries are found, and only they
        assertThat(found).extracting(LedgerEntry::decisionKey).containsExactly("before", "after");
    }

    @Test
    void aDisclosureWithoutItsRecordOrRecipientIsRefused() {
        org.assertj.core.api.Assertions.assertThatNullPointerException()
                .isThrownBy(() -> new LedgerDraft(
                        "k",
                        Outcome.PERMIT,
                        null,
                        null,
                        "police",
                        "schools:1",
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        List.of()));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> LedgerDraft.event(EntryType.DISCLOSURE, "k", "hub", null, Map.of()));
    }
}
