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
 * escalation is a DISCLOSURE entry in the ledger (the lead learns that a notification about this subject went to this
 * school unacknowledged), written under the key {@code escalation:<deliveryId>} so a second instance's append returns
 * the same entry; the notification is then claimed with an update {@code where escalated_at is null}, so exactly one
 * instance escalates it. A crash between the two leaves the entry written and the next check claims it. The lead
 * reads escalations at {@code GET /api/schools/escalations}; the board at {@code GET /api/ledger/escalations}.
 */
public class EscalationCheck {

    private static final Logger log = LoggerFactory.getLogger(EscalationCheck.class);
    static final String REASON = "not acknowledged by the school's designated safeguarding lead by 08:30 on the"
            + " school day it was due: escalated to the council's Operation Encompass lead";

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
            LedgerEntry entry = ledger.append(List.of(draft(n))).get(0);
            if (notifications.claimEscalation(n.deliveryId(), entry.seq(), now)) {
                escalated++;
            }
        }
        if (escalated > 0) {
            log.info("operation encompass notifications escalated: count={}", escalated);
        }
        return escalated;
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
