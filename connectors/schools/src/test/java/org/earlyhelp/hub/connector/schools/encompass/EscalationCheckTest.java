package org.earlyhelp.hub.connector.schools.encompass;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.earlyhelp.hub.governance.decision.Outcome;
import org.earlyhelp.hub.governance.ledger.ChainKey;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.LedgerDraft;
import org.earlyhelp.hub.governance.ledger.LedgerEntry;
import org.earlyhelp.hub.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Acknowledgement and escalation on a real PostgreSQL and ledger, with two "instances" checking at once: each overdue
 * notification is escalated exactly once, with one ledger entry; an acknowledged one never.
 */
class EscalationCheckTest {

    static final ChainKey KEY =
            new ChainKey("a chain key of at least 32 bytes, for tests only".getBytes(StandardCharsets.UTF_8));
    static TestDatabase db;
    static JdbcTemplate jdbc;

    // delivered Tuesday 1 December 2026 at 19:40, so due Wednesday at 08:30
    static final Instant DELIVERED = Instant.parse("2026-12-01T19:40:00Z");
    static final Clock AFTER_DUE = Clock.fixed(Instant.parse("2026-12-02T08:31:00Z"), ZoneOffset.UTC);

    @BeforeAll
    static void start() {
        db = TestDatabase.migrated();
        jdbc = new JdbcTemplate(db.dataSource());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    DisclosureLedger ledger() {
        return new DisclosureLedger(db.dataSource(), AFTER_DUE, KEY);
    }

    String deliver(NotificationLog log, String urn) {
        String recordId = UUID.randomUUID().toString();
        LedgerEntry permit = ledger().append(List.of(new LedgerDraft(
                        "k-" + recordId,
                        Outcome.PERMIT,
                        recordId,
                        "subject-key",
                        "police",
                        "schools:" + urn,
                        "police-to-schools-domestic-abuse",
                        1,
                        "safeguarding/domestic-abuse-notification",
                        "public-task",
                        List.of("child.name"),
                        List.of())))
                .get(0);
        String deliveryId = "d-" + recordId;
        log.delivered(
                deliveryId,
                "schools:" + urn,
                urn,
                recordId,
                permit.seq(),
                "police-to-schools-domestic-abuse",
                "safeguarding/domestic-abuse-notification",
                DELIVERED);
        return deliveryId;
    }

    @Test
    void anUnacknowledgedNotificationIsEscalatedOnceWhenTwoInstancesCheckAtOnce() throws Exception {
        // Given a notification delivered last evening and not acknowledged by 08:30
        NotificationLog log =
                new NotificationLog(jdbc, org.earlyhelp.hub.governance.deadline.DeadlineCalendar.shipped());
        String deliveryId = deliver(log, "123456");

        // When two instances run the check at the same moment
        Callable<Integer> check =
                () -> new EscalationCheck(log, ledger(), AFTER_DUE, "council:education-service").run();
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = two.invokeAll(List.of(check, check));
        two.shutdown();
        int escalated = 0;
        for (Future<Integer> r : runs) {
            escalated += r.get();
        }

        // Then it is escalated exactly once, with one ledger entry naming the council's lead and no fields
        assertThat(escalated).isEqualTo(1);
        NotificationLog.Notification n = log.escalated(Instant.EPOCH).stream()
                .filter(x -> x.deliveryId().equals(deliveryId))
                .findFirst()
                .orElseThrow();
        List<LedgerEntry> entries = ledger().findByRecord(n.recordId()).stream()
                .filter(e -> e.decisionKey().equals("escalation:" + deliveryId))
                .toList();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).seq()).isEqualTo(n.escalationSeq());
        assertThat(entries.get(0).recipient()).isEqualTo("council:education-service");
        assertThat(entries.get(0).subjectKey()).isEqualTo("subject-key");
        assertThat(entries.get(0).fieldsReleased()).isEmpty();
        assertThat(entries.get(0).reasons().get(0)).contains("08:30");
        // and a later check escalates nothing more
        assertThat(new EscalationCheck(log, ledger(), AFTER_DUE, "council:education-service").run())
                .isZero();
    }

    @Test
    void anAcknowledgedNotificationIsNeverEscalated() {
        NotificationLog log =
                new NotificationLog(jdbc, org.earlyhelp.hub.governance.deadline.DeadlineCalendar.shipped());
        String deliveryId = deliver(log, "222222");

        // another school cannot acknowledge it; its own can, and a repeat answers the same
        assertThat(log.acknowledge(deliveryId, "654321", "dsl", DELIVERED.plusSeconds(60)))
                .isEmpty();
        NotificationLog.Notification first = log.acknowledge(deliveryId, "222222", "dsl-1", DELIVERED.plusSeconds(600))
                .orElseThrow();
        NotificationLog.Notification again = log.acknowledge(deliveryId, "222222", "dsl-2", DELIVERED.plusSeconds(900))
                .orElseThrow();
        assertThat(again.acknowledgedAt()).isEqualTo(first.acknowledgedAt());

        new EscalationCheck(log, ledger(), AFTER_DUE, "council:education-service").run();
        assertThat(log.escalated(Instant.EPOCH)).noneMatch(n -> n.deliveryId().equals(deliveryId));
    }

    @Test
    void anEscalationClaimedByAnInstanceThatDiedIsRecordedByTheNextCheck() {
        // Given an escalation claimed by an instance that died before writing its ledger entry
        NotificationLog log =
                new NotificationLog(jdbc, org.earlyhelp.hub.governance.deadline.DeadlineCalendar.shipped());
        String deliveryId = deliver(log, "444444");
        assertThat(log.claimEscalation(deliveryId, AFTER_DUE.instant())).isTrue();

        // When another instance checks two minutes later
        Clock later = Clock.offset(AFTER_DUE, java.time.Duration.ofMinutes(2));
        new EscalationCheck(log, ledger(), later, "council:education-service").run();

        // Then the entry is written, once, and noted
        NotificationLog.Notification n = log.escalated(Instant.EPOCH).stream()
                .filter(x -> x.deliveryId().equals(deliveryId))
                .findFirst()
                .orElseThrow();
        assertThat(n.escalationSeq()).isNotNull();
        assertThat(ledger().findByRecord(n.recordId()))
                .filteredOn(e -> e.decisionKey().equals("escalation:" + deliveryId))
                .hasSize(1);
    }

    @Test
    void aNotificationNotYetDueIsNotEscalated() {
        NotificationLog log =
                new NotificationLog(jdbc, org.earlyhelp.hub.governance.deadline.DeadlineCalendar.shipped());
        String deliveryId = deliver(log, "333333");
        Clock before = Clock.fixed(Instant.parse("2026-12-02T08:29:00Z"), ZoneOffset.UTC);
        new EscalationCheck(log, ledger(), before, "council:education-service").run();
        assertThat(log.escalated(Instant.EPOCH)).noneMatch(n -> n.deliveryId().equals(deliveryId));
    }
}
