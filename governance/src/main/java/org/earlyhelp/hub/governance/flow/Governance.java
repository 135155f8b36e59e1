package org.earlyhelp.hub.governance.flow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.LedgerDraft;
import org.earlyhelp.hub.governance.ledger.LedgerEntry;
import org.earlyhelp.hub.schema.HubRecord;

/**
 * Governance as one API that cannot be used in the wrong order. {@link #prepare} decides and minimises a record (and
 * fails for that record alone, before anything is kept); only {@link #notify} turns preparations into releases, and it
 * writes every decision (PERMIT, DENY, REVIEW) to the disclosure ledger in one transaction before it returns them. A
 * caller never holds a releasable disclosure whose decision is not in the ledger, and never calls the decision point,
 * the minimiser or the ledger itself. Pulls go through {@link FamilyDisclosure}, on the same rule.
 */
public final class Governance {

    private final GovernanceService planner;
    private final DisclosureLedger ledger;

    public Governance(GovernanceService planner, DisclosureLedger ledger) {
        this.planner = Objects.requireNonNull(planner, "planner");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    /** The decisions about one record, not yet releasable: only {@link #notify} releases them. */
    public static final class Prepared {
        private final DisclosurePlan plan;
        private final HubRecord record;

        private Prepared(DisclosurePlan plan, HubRecord record) {
            this.plan = plan;
            this.record = record;
        }

        /** How many decisions the record needs (one per subject and recipient). */
        public int decisions() {
            return plan.drafts().size();
        }
    }

    /**
     * One permitted disclosure whose decision is in the ledger at {@code ledgerSeq}: what may be sent, to whom.
     *
     * @param deliveryId the same for every retry: the idempotency key recipients dedupe on
     * @param provider the partner kind whose record it is (never an organisation: a metric label may carry it)
     */
    public record Release(
            String deliveryId,
            String recordId,
            long ledgerSeq,
            String agreementId,
            int agreementVersion,
            String purpose,
            Recipient recipient,
            String deadline,
            Map<String, String> fields,
            String provider) {
        public Release {
            fields = Map.copyOf(fields);
        }
    }

    /** What {@link #notify} did: the releases, and the count of each outcome by provider kind for the console. */
    public record Notified(List<Release> releases, List<LedgerDraft> decisions) {}

    /**
     * Decides a record for notification, as on {@code today}.
     *
     * @throws RuntimeException for a record that cannot be governed (its type unregistered, its payload unreadable):
     *     that record alone is set aside
     */
    public Prepared prepare(HubRecord record, LocalDate today) {
        return new Prepared(planner.plan(record, today), record);
    }

    /** Ledgers every decision of the prepared records in one transaction, then returns what may be sent. */
    public Notified notify(List<Prepared> prepared) {
        List<LedgerDraft> drafts = new ArrayList<>();
        prepared.forEach(p -> drafts.addAll(p.plan.drafts()));
        List<LedgerEntry> entries = ledger.append(drafts);
        Map<String, LedgerEntry> byKey = new LinkedHashMap<>();
        entries.forEach(e -> byKey.put(e.decisionKey(), e));
        List<Release> releases = new ArrayList<>();
        for (Prepared p : prepared) {
            for (DisclosurePlan.Release r : p.plan.releases()) {
                LedgerEntry entry = byKey.get(r.draft().decisionKey());
                if (entry == null) {
                    throw new IllegalStateException("a permitted decision is missing from the ledger");
                }
                releases.add(new Release(
                        r.draft().decisionKey(),
                        r.draft().recordId(),
                        entry.seq(),
                        r.draft().agreementId(),
                        r.agreementVersion(),
                        r.purpose(),
                        r.recipient(),
                        r.deadline(),
                        r.fields(),
                        p.record.getProvider()));
            }
        }
        return new Notified(releases, drafts);
    }
}
