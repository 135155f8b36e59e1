package org.earlyhelp.hub.governance.flow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.earlyhelp.hub.governance.decision.Outcome;
import org.earlyhelp.hub.governance.decision.PolicyDecisionPoint;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.EntryType;
import org.earlyhelp.hub.governance.ledger.LedgerDraft;
import org.earlyhelp.hub.governance.ledger.LedgerEntry;
import org.earlyhelp.hub.governance.override.SafeguardingOverride;
import org.earlyhelp.hub.governance.override.SafeguardingOverrides;
import org.earlyhelp.hub.governance.replay.DeadLetterReplays;
import org.earlyhelp.hub.governance.review.DisclosureReviews;
import org.earlyhelp.hub.governance.review.ReviewItem;
import org.earlyhelp.hub.governance.vocabulary.GovernanceTerms;
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
    private final DisclosureReviews reviews;
    private final SafeguardingOverrides overrides;
    private final DeadLetterReplays replays;

    public Governance(
            GovernanceService planner,
            DisclosureLedger ledger,
            DisclosureReviews reviews,
            SafeguardingOverrides overrides,
            DeadLetterReplays replays) {
        this.planner = Objects.requireNonNull(planner, "planner");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.reviews = Objects.requireNonNull(reviews, "reviews");
        this.overrides = Objects.requireNonNull(overrides, "overrides");
        this.replays = Objects.requireNonNull(replays, "replays");
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
            String provider,
            Recall recall) {
        public Release {
            fields = Map.copyOf(fields);
            if (recall != null && !fields.isEmpty()) {
                throw new IllegalArgumentException("a recall carries no fields");
            }
        }

        /** Whether this is a recall of an earlier disclosure rather than a disclosure. */
        public boolean isRecall() {
            return recall != null;
        }
    }

    /** What a recall message says: the delivery id it recalls, and why (a withdrawal-reason code). */
    public record Recall(String recalls, String reason) {}

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

    /**
     * Ledgers every decision of the prepared records in one transaction, parks each REVIEW in the review queue, then
     * returns what may be sent.
     */
    public Notified notify(List<Prepared> prepared) {
        List<LedgerDraft> drafts = new ArrayList<>();
        prepared.forEach(p -> drafts.addAll(p.plan.drafts()));
        List<LedgerEntry> entries = ledger.append(drafts);
        Map<String, LedgerEntry> byKey = new LinkedHashMap<>();
        entries.forEach(e -> byKey.put(e.decisionKey(), e));
        Map<ReviewItem.Parked, Long> parked = new LinkedHashMap<>();
        List<Release> releases = new ArrayList<>();
        for (Prepared p : prepared) {
            for (ReviewItem.Parked item : p.plan.parked()) {
                parked.put(item, byKey.get(item.decisionKey()).seq());
            }
            for (DisclosurePlan.Release r : p.plan.releases()) {
                releases.add(release(r, byKey.get(r.draft().decisionKey()), p.record.getProvider()));
            }
        }
        reviews.park(parked);
        return new Notified(releases, drafts);
    }

    /**
     * What the hub knows now about a parked item, for deciding it again: the record as stored, the person's consent as
     * recorded today, and the recipient the reviewer found (or null).
     */
    public record ReleaseContext(HubRecord record, PolicyDecisionPoint.ConsentCheck consent, Recipient found) {
        public ReleaseContext {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(consent, "consent");
        }
    }

    /**
     * Releases a parked item, exactly once: under the item's lock, decides it again as at this moment (the agreement
     * in force, consent as recorded now or lifted by an override in force, the recipient addressed now or found), and
     * only on a PERMIT ledgers the release as decided by {@code decider}, hands it to {@code send} (which must not
     * return before the release is durably on its way) and closes the item. Its delivery id is the same however
     * often a crashed release is tried again, so a recipient files it once.
     *
     * @param context what the hub knows now about the item
     * @throws ReleaseRefused when what caused the review is not resolved, or the agreement no longer permits it
     * @throws org.earlyhelp.hub.governance.review.ReviewClosed when the item is not open
     */
    public ReviewItem release(
            String decisionKey,
            String decider,
            Function<ReviewItem, ReleaseContext> context,
            LocalDate today,
            Consumer<Release> send) {
        Objects.requireNonNull(decider, "decider");
        return reviews.close(decisionKey, item -> {
            ReleaseContext ctx = context.apply(item);
            AtomicReference<SafeguardingOverride> lifted = new AtomicReference<>();
            PolicyDecisionPoint.ConsentCheck consent = liftable(ctx, item.recordId(), lifted);
            DisclosurePlan plan = planner.replan(
                    ctx.record(),
                    item.subjectRef(),
                    item.agreementId(),
                    item.recipientPartner(),
                    today,
                    consent,
                    ctx.found());
            if (plan.releases().isEmpty()) {
                throw new ReleaseRefused(plan.drafts().get(0).reasons());
            }
            DisclosurePlan.Release planned = plan.releases().get(0);
            String key = closingKey("release", item.decisionKey());
            LedgerDraft d = planned.draft();
            List<String> reasons = new ArrayList<>();
            reasons.add("released from review " + item.decisionKey() + " by " + decider);
            reasons.addAll(d.reasons());
            LedgerDraft draft = d.decidedBy(
                    key,
                    decider,
                    reasons,
                    lifted.get() == null
                            ? Map.of("review", item.decisionKey())
                            : Map.of(
                                    "review", item.decisionKey(),
                                    "override", lifted.get().overrideId().toString()));
            LedgerEntry entry = ledger.append(List.of(draft)).get(0);
            sendDecidedAgain(planned, draft, entry, ctx, lifted.get(), send);
            return new ReviewItem.Closing(ReviewItem.Status.RELEASED, decider, "released", key);
        });
    }

    /** What a replay of a dead-lettered disclosure decided: sent (PERMIT), refused (DENY) or held for review. */
    public record Replayed(DeadLetterReplays.Replay replay, Outcome outcome, List<String> reasons) {}

    /**
     * Replays a dead-lettered disclosure once, as a new decision: the disclosure it carries is never resent. Under the
     * letter's lock, decides the record again for the same subject, recipient partner and agreement, as at this moment
     * (the agreement in force, consent as recorded now or lifted by an override in force, the recipient addressed now,
     * or failing that the one it was addressed to), ledgers that decision as taken by {@code replayer}, and sends only a
     * PERMIT. A REVIEW is parked in the review queue like any other; a DENY sends nothing. The replay's key (and so its
     * delivery id) derives from the letter's, so a replay retried after a crash is filed once.
     *
     * @param letter where the letter is (topic/partition/offset), to replay each once
     * @param deliveryId the dead-lettered disclosure's delivery id (its decision key in the ledger)
     * @param addressedTo the recipient the letter was addressed to (it must be the one the ledger shows)
     * @param context what the hub knows now about the record (the ledger entry gives its record id)
     * @throws IllegalArgumentException when the delivery id is not a dead-lettered disclosure in the ledger
     * @throws org.earlyhelp.hub.governance.replay.ReplayDone when the letter was already replayed
     */
    public Replayed replay(
            String letter,
            String deliveryId,
            Recipient addressedTo,
            String replayer,
            Function<LedgerEntry, ReleaseContext> context,
            LocalDate today,
            Consumer<Release> send) {
        Objects.requireNonNull(replayer, "replayer");
        LedgerEntry original = ledger.findByKey(deliveryId)
                .filter(e -> e.type() == EntryType.DISCLOSURE && e.decision() == Outcome.PERMIT)
                .filter(e -> addressedTo.toString().equals(e.recipient()))
                .orElseThrow(() ->
                        new IllegalArgumentException("no permitted disclosure to that recipient has that delivery id"));
        DisclosureLedger.Delivery delivery =
                ledger.deliveries(List.of(deliveryId)).get(deliveryId);
        if (delivery == null || delivery.status() != DisclosureLedger.DeliveryStatus.DEAD_LETTERED) {
            throw new IllegalArgumentException("that disclosure is not recorded as dead-lettered");
        }
        String key = closingKey("replay", deliveryId);
        AtomicReference<Replayed> result = new AtomicReference<>();
        DeadLetterReplays.Replay done = replays.once(key, letter, DeadLetterReplays.Kind.DISCLOSURE, replayer, () -> {
            ReleaseContext ctx = context.apply(original);
            String subjectRef = planner.subjectRef(ctx.record(), original.subjectKey())
                    .orElseThrow(() -> new IllegalArgumentException("the stored record no longer holds the subject"));
            AtomicReference<SafeguardingOverride> lifted = new AtomicReference<>();
            PolicyDecisionPoint.ConsentCheck consent = liftable(ctx, original.recordId(), lifted);
            DisclosurePlan plan = planner.replan(
                    ctx.record(),
                    subjectRef,
                    original.agreementId(),
                    addressedTo.partner(),
                    today,
                    consent,
                    addressedTo);
            LedgerDraft decided = plan.drafts().get(0);
            List<String> reasons = new ArrayList<>();
            reasons.add("dead letter " + deliveryId + " replayed by " + replayer + ", decided again");
            reasons.addAll(decided.reasons());
            Map<String, String> details = lifted.get() == null || decided.decision() != Outcome.PERMIT
                    ? Map.of("replayOf", deliveryId)
                    : Map.of(
                            "replayOf",
                            deliveryId,
                            "override",
                            lifted.get().overrideId().toString());
            LedgerDraft draft = decided.decidedBy(key, replayer, reasons, details);
            LedgerEntry entry = ledger.append(List.of(draft)).get(0);
            if (entry.decision() == Outcome.PERMIT && !plan.releases().isEmpty()) {
                sendDecidedAgain(plan.releases().get(0), draft, entry, ctx, lifted.get(), send);
            } else if (entry.decision() == Outcome.REVIEW && !plan.parked().isEmpty()) {
                ReviewItem.Parked p = plan.parked().get(0);
                reviews.park(Map.of(
                        new ReviewItem.Parked(
                                key,
                                p.recordId(),
                                p.subjectRef(),
                                p.subjectKey(),
                                p.provider(),
                                p.recipientPartner(),
                                p.agreementId(),
                                p.agreementVersion(),
                                p.cause(),
                                reasons),
                        entry.seq()));
            }
            result.set(new Replayed(null, entry.decision(), entry.reasons()));
            return entry.decision().name();
        });
        return new Replayed(done, result.get().outcome(), result.get().reasons());
    }

    /**
     * Ledgers that a person put a dead-lettered record back on its inbound topic (through {@code requeue}, which must
     * not return before the broker holds it), once per letter. The record is then governed afresh, as on arrival.
     */
    public DeadLetterReplays.Replay requeue(
            String letter, String recordId, String provider, String by, Runnable requeue) {
        String key = closingKey("requeue", letter);
        return replays.once(key, letter, DeadLetterReplays.Kind.RECORD, by, () -> {
            ledger.append(List.of(LedgerDraft.event(
                    EntryType.REPLAY,
                    key,
                    by,
                    null,
                    Map.of("letter", letter, "record", recordId, "provider", provider))));
            requeue.run();
            return "REQUEUED";
        });
    }

    /** What a withdrawal did: the recalls to send, and the review items it closed. */
    public record Withdrawn(List<Release> recalls, int reviewsClosed) {}

    /**
     * A provider withdraws a record (withdrawn, misdirected, superseded by a corrected one, inaccurate): every recipient
     * of a disclosure of it is told, by a recall naming the disclosure and the reason and carrying no field, each
     * ledgered (RECALL, with who withdrew it) before it is returned for sending; every notification of it still held
     * for review is refused. A disclosure that was dead-lettered never reached its recipient and is not recalled. The
     * caller then stops holding the record, so no later pull, release or replay discloses it. Keys derive from the
     * recalled delivery ids, so a withdrawal repeated (on any instance) ledgers and sends each recall once.
     *
     * @param reasonCode a {@code withdrawal-reason} code of the governance vocabulary
     * @throws IllegalArgumentException for a reason not in the vocabulary
     */
    public Withdrawn withdraw(String recordId, String reasonCode, String by) {
        Objects.requireNonNull(by, "by");
        String title = GovernanceTerms.shipped()
                .title(GovernanceTerms.Kind.WITHDRAWAL_REASON, reasonCode)
                .orElseThrow(() -> new IllegalArgumentException("unknown withdrawal reason: known are "
                        + GovernanceTerms.shipped().codes(GovernanceTerms.Kind.WITHDRAWAL_REASON)));
        List<LedgerEntry> permits = ledger.findByRecord(recordId).stream()
                .filter(e -> e.type() == EntryType.DISCLOSURE && e.decision() == Outcome.PERMIT)
                .toList();
        Map<String, DisclosureLedger.Delivery> deliveries =
                ledger.deliveries(permits.stream().map(LedgerEntry::decisionKey).toList());
        List<LedgerDraft> drafts = new ArrayList<>();
        List<LedgerEntry> recalled = new ArrayList<>();
        for (LedgerEntry e : permits) {
            DisclosureLedger.Delivery d = deliveries.get(e.decisionKey());
            if (d != null && d.status() == DisclosureLedger.DeliveryStatus.DEAD_LETTERED) {
                continue;
            }
            recalled.add(e);
            drafts.add(new LedgerDraft(
                    closingKey("recall", e.decisionKey()),
                    null,
                    e.recordId(),
                    e.subjectKey(),
                    e.provider(),
                    e.recipient(),
                    e.agreementId(),
                    e.agreementVersion(),
                    e.purpose(),
                    e.lawfulBasis(),
                    List.of(),
                    List.of("recalled by " + by + ": " + title),
                    EntryType.RECALL,
                    by,
                    Map.of("recalls", e.decisionKey(), "reason", reasonCode)));
        }
        drafts.add(LedgerDraft.event(
                EntryType.RECALL,
                closingKey("withdraw", recordId),
                by,
                null,
                Map.of("withdrawn", recordId, "reason", reasonCode, "recalls", String.valueOf(recalled.size()))));
        List<LedgerEntry> written = ledger.append(drafts);
        List<Release> recalls = new ArrayList<>();
        for (int i = 0; i < recalled.size(); i++) {
            LedgerEntry original = recalled.get(i);
            LedgerEntry entry = written.get(i);
            recalls.add(new Release(
                    entry.decisionKey(),
                    original.recordId(),
                    entry.seq(),
                    original.agreementId(),
                    original.agreementVersion(),
                    original.purpose(),
                    Recipient.parse(original.recipient()),
                    null,
                    Map.of(),
                    original.provider(),
                    new Recall(original.decisionKey(), reasonCode)));
        }
        int closed = 0;
        String refusal = "misdirected".equals(reasonCode) ? "misdirected" : "withdrawn-by-provider";
        for (ReviewItem item : reviews.ofRecord(recordId)) {
            if (item.status() == ReviewItem.Status.OPEN) {
                try {
                    refuse(item.decisionKey(), by, refusal);
                    closed++;
                } catch (org.earlyhelp.hub.governance.review.ReviewClosed alreadyClosed) {
                    // closed meanwhile by someone else: nothing to do
                }
            }
        }
        return new Withdrawn(recalls, closed);
    }

    /**
     * Sends a release decided again by a person (from review, or a replay) under its own ledgered draft, and counts the
     * use of the override that lifted its consent, if one did.
     */
    private void sendDecidedAgain(
            DisclosurePlan.Release planned,
            LedgerDraft draft,
            LedgerEntry entry,
            ReleaseContext ctx,
            SafeguardingOverride lifted,
            Consumer<Release> send) {
        DisclosurePlan.Release r = new DisclosurePlan.Release(
                draft,
                planned.recipient(),
                planned.agreementVersion(),
                planned.purpose(),
                planned.deadline(),
                planned.fields());
        send.accept(release(r, entry, ctx.record().getProvider()));
        if (lifted != null) {
            overrides.used(lifted.overrideId());
        }
    }

    private PolicyDecisionPoint.ConsentCheck liftable(
            ReleaseContext ctx, String recordId, AtomicReference<SafeguardingOverride> lifted) {
        return ctx.consent().liftedBy(agreement -> {
            Optional<SafeguardingOverride> o = overrides.active(recordId, agreement);
            o.ifPresent(lifted::set);
            return o.map(SafeguardingOverride::describe);
        });
    }

    /**
     * Refuses a parked item: ledgers a DENY decided by {@code decider} with the coded reason ({@code review-refusal}
     * in the governance vocabulary) and closes it; nothing is sent.
     *
     * @throws IllegalArgumentException for a reason not in the vocabulary
     */
    public ReviewItem refuse(String decisionKey, String decider, String reasonCode) {
        Objects.requireNonNull(decider, "decider");
        String title = GovernanceTerms.shipped()
                .title(GovernanceTerms.Kind.REVIEW_REFUSAL, reasonCode)
                .orElseThrow(() -> new IllegalArgumentException("unknown refusal reason: known are "
                        + GovernanceTerms.shipped().codes(GovernanceTerms.Kind.REVIEW_REFUSAL)));
        return reviews.close(decisionKey, item -> {
            String key = closingKey("refuse", item.decisionKey());
            ledger.append(List.of(new LedgerDraft(
                    key,
                    Outcome.DENY,
                    item.recordId(),
                    item.subjectKey(),
                    item.provider(),
                    item.recipientPartner(),
                    item.agreementId(),
                    item.agreementVersion(),
                    null,
                    null,
                    List.of(),
                    List.of("refused at review " + item.decisionKey() + " by " + decider + ": " + title),
                    EntryType.DISCLOSURE,
                    decider,
                    Map.of("review", item.decisionKey(), "refusal", reasonCode))));
            return new ReviewItem.Closing(ReviewItem.Status.REFUSED, decider, reasonCode, key);
        });
    }

    private static Release release(DisclosurePlan.Release r, LedgerEntry entry, String provider) {
        if (entry == null) {
            throw new IllegalStateException("a permitted decision is missing from the ledger");
        }
        return new Release(
                r.draft().decisionKey(),
                r.draft().recordId(),
                entry.seq(),
                r.draft().agreementId(),
                r.agreementVersion(),
                r.purpose(),
                r.recipient(),
                r.deadline(),
                r.fields(),
                provider,
                null);
    }

    /** The key of a release or refusal of a review item: the same every time, so the ledger holds it once. */
    static String closingKey(String act, String reviewKey) {
        return GovernanceService.key(act + "\u001f" + reviewKey);
    }
}
