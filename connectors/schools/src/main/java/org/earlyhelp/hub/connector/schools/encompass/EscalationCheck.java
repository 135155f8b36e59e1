package org.earlyhelp.hub.connector.schools.encompass;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.earlyhelp.hub.governance.decision.Outcome;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.LedgerDraft;
import org.earlyhelp.hub.governance.ledger.LedgerEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Escalates each notification not acknowledged by its due time to the council's Operation Encompass lead. The
 * notification is first claimed with an update {@code where escalated_at is null and acknowledged_at is null}, so
 * exactly one instance escalates it and an acknowledgement that arrives first stops it; the claimer then writes a
 * DISCLOSURE entry to the ledger (the lead learns that a notification about this subject went to this school
 * unacknowledged) under the key {@code escalation:<deliveryId>}. An instance dying between the two leaves a claim
 * without its entry, which the next check (on any instance) writes: the key makes a repeat the same entry. The lead
 * reads escalations at {@code GET /api/schools/escalations}; the board at {@code GET /api/ledger/escalations}.
 */
public class EscalationCheck {

    private static final Logger log = LoggerFactory.getLogger(EscalationCheck.class);
    static final String REASON = "not acknowledged by the school's designated safeguarding lead by 08:30 on the"
            + " school day it was due: escalated to the council's Operation Encompass lead";

    /** A claimed escalation still without its ledger entry after this is recorded by the next check, on any instance. */
    static final java.time.Duration RECORD_WITHIN = java.time.Duration.ofMinutes(1);

    private final NotificationLog notifications;
    private final DisclosureLedger ledger;
    private final Clock clock;
    private final String escalateTo;

    /** @param escalateTo the organisation of the council's Operation Encompass lead, as the ledger names it */
    public EscalationCheck(NotificationLog notifications, DisclosureLedger ledger, Clock clock, String escalateTo) {
        this.notifications = notifications;
        this.ledger = ledger;
        this.clock = clock;
        this.escalateTo = escalateTo;
    }

    /** One pass: escalates what is overdue now; returns how many this instance escalated. */
    public int run() {
        Instant now = clock.instant();
        int escalated = 0;
        for (NotificationLog.Notification n : notifications.overdue(now, 200)) {
            if (notifications.claimEscalation(n.deliveryId(), now)) {
                record(n);
                escalated++;
            }
        }
        for (NotificationLog.Notification n : notifications.unrecorded(now.minus(RECORD_WITHIN), 200)) {
            record(n);
        }
        if (escalated > 0) {
            log.info("operation encompass notifications escalated: count={}", escalated);
        }
        return escalated;
    }

    private void record(NotificationLog.Notification n) {
        LedgerEntry entry = ledger.append(List.of(draft(n))).get(0);
        notifications.escalationRecorded(n.deliveryId(), entry.seq());
    }

    private LedgerDraft draft(NotificationLog.Notification n) {
        Optional<LedgerEntry> original = ledger.findByRecord(n.recordId()).stream()
                .filter(e -> e.seq() == n.ledgerSeq())
                .findFirst();
        return new LedgerDraft(
                "escalation:" + n.deliveryId(),
                Outcome.PERMIT,
                n.recordId(),
                original.map(LedgerEntry::subjectKey).orElse(null),
                original.map(LedgerEntry::provider).orElse("unknown"),
                escalateTo,
                n.agreementId(),
                original.map(LedgerEntry::agreementVersion).orElse(null),
                n.purpose(),
                original.map(LedgerEntry::lawfulBasis).orElse(null),
                List.of(),
                List.of(REASON, "delivery " + n.deliveryId() + " to " + n.recipient()));
    }
}
