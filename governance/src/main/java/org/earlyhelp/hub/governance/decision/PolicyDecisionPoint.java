package org.earlyhelp.hub.governance.decision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.agreement.AgreementStatus;
import org.earlyhelp.hub.governance.agreement.ConsentRule;
import org.earlyhelp.hub.governance.relationship.Corroboration;
import org.earlyhelp.hub.governance.vocabulary.LegalGateway;

/**
 * Deny by default: a record may go to a recipient only under an agreement that is approved, in date, and covers the
 * record's kind, type, provider, the recipient and the purpose. Every agreement that names the record's provider and
 * type is answered for, so a suspended or expired agreement shows in the ledger as the reason nothing flowed.
 */
public final class PolicyDecisionPoint {

    private final Supplier<List<Agreement>> agreements;

    public PolicyDecisionPoint(List<Agreement> agreements) {
        List<Agreement> fixed = List.copyOf(agreements);
        this.agreements = () -> fixed;
    }

    /** Decides against whatever the supplier holds at the time: the board's agreements can be reloaded live. */
    public PolicyDecisionPoint(Supplier<List<Agreement>> agreements) {
        this.agreements = agreements;
    }

    public List<Agreement> agreements() {
        return agreements.get();
    }

    /**
     * One decision per (agreement, recipient) that could apply to the record; a single DENY with recipient {@code
     * none} when no agreement covers it at all.
     */
    public List<Decision> decide(RecordDescriptor record, LocalDate today, ConsentCheck consent) {
        List<Decision> decisions = new ArrayList<>();
        for (Agreement a : agreements.get()) {
            if (!covers(a, record)) {
                continue;
            }
            for (String recipient : a.recipients()) {
                decisions.add(decide(a, recipient, today, consent));
            }
        }
        if (decisions.isEmpty()) {
            decisions.add(Decision.deny(
                    null,
                    "none",
                    "no agreement covers " + record.kind() + "/" + record.type() + " from " + record.provider()));
        }
        return decisions;
    }

    /**
     * The decision for a pull: one named recipient asking for one purpose through one relationship. Only agreements
     * with a {@code pull} block that lists the purpose answer; a push-only agreement never does. DENY unless such an
     * agreement permits exactly that, accepts the relationship's kind and, where it needs corroboration, the
     * relationship is corroborated.
     */
    public Decision decidePull(
            RecordDescriptor record,
            String recipient,
            String purpose,
            PullBasis basis,
            LocalDate today,
            ConsentCheck consent) {
        Decision best = null;
        for (Agreement a : agreements.get()) {
            if (covers(a, record) && a.answersPull(recipient, purpose)) {
                Decision d = decide(a, recipient, today, consent);
                if (d.permitted()) {
                    d = throughRelationship(a, recipient, basis, d);
                }
                if (d.permitted()) {
                    return d;
                }
                best = best == null ? d : best;
            }
        }
        return best != null
                ? best
                : Decision.deny(
                        null,
                        recipient,
                        "no agreement answers a pull of " + record.kind() + "/" + record.type() + " from "
                                + record.provider() + " by " + recipient + " for " + purpose);
    }

    /**
     * Decides a request asking whether the partnership knows a person ({@code $person-info-query}), made under the
     * agreement it cites, before anyone looks the person up: DENY unless that agreement exists, is in force, names the
     * requester as a recipient and lists the reason among its {@code query.reasons}, and the reason's gateway is in
     * force; REVIEW when the agreement lists the reason for review; PERMIT otherwise. Whether the person is known is
     * then looked up only on a PERMIT, so a DENY or REVIEW reveals nothing about them.
     */
    public Decision decideQuery(String agreementId, String requester, LegalGateway reason, LocalDate today) {
        Agreement a = agreements.get().stream()
                .filter(x -> x.id().equals(agreementId))
                .findFirst()
                .orElse(null);
        if (a == null) {
            return Decision.deny(null, requester, "no agreement '" + agreementId + "' is loaded");
        }
        String ref = a.id() + " v" + a.version();
        if (a.query() == null) {
            return Decision.deny(a, requester, ref + " answers no query");
        }
        if (!a.inForceOn(today)) {
            return Decision.deny(
                    a,
                    requester,
                    ref + " is not in force (" + a.status().yamlName() + ", valid "
                            + a.valid().from() + " to " + a.valid().until()
                            + (a.unapprovedParties().isEmpty()
                                    ? ""
                                    : ", not approved by " + String.join(", ", a.unapprovedParties()))
                            + ")");
        }
        if (!a.recipients().contains(requester)) {
            return Decision.deny(a, requester, ref + " does not name " + requester + " as a recipient");
        }
        if (!a.answersQuery(requester, reason.code())) {
            return Decision.deny(a, requester, ref + " does not accept " + reason.code() + " as a reason");
        }
        if (!reason.inForce()) {
            return Decision.deny(a, requester, reason.code() + " is awaiting commencement");
        }
        if (a.query().review().contains(reason.code())) {
            return Decision.review(a, requester, ref + " holds a " + reason.code() + " request for review");
        }
        return Decision.permit(a, requester, ref + " answers a " + reason.code() + " query by " + requester);
    }

    /** Whether any agreement in force lets {@code recipient} pull for {@code purpose}: else the caller gets 403. */
    public boolean pullPurposeLicensed(String recipient, String purpose, LocalDate today) {
        return agreements.get().stream().anyMatch(a -> a.inForceOn(today) && a.answersPull(recipient, purpose));
    }

    /** The relationship kinds the agreements in force accept for a pull by {@code recipient} for {@code purpose}. */
    public java.util.Set<String> pullRelationships(String recipient, String purpose, LocalDate today) {
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        agreements.get().stream()
                .filter(a -> a.inForceOn(today) && a.answersPull(recipient, purpose))
                .forEach(a -> kinds.addAll(a.pull().relationships()));
        return kinds;
    }

    private static Decision throughRelationship(Agreement a, String recipient, PullBasis basis, Decision permit) {
        String ref = a.id() + " v" + a.version();
        if (!a.pull().relationships().contains(basis.kind())) {
            return Decision.deny(a, recipient, ref + " does not accept a " + basis.kind() + " relationship");
        }
        if (basis.corroborated() == Corroboration.UNCORROBORATED && a.pull().corroborationRequired()) {
            return Decision.deny(
                    a,
                    recipient,
                    ref + " needs the " + basis.kind() + " relationship corroborated by its authoritative source");
        }
        return permit;
    }

    /** The relationship a pull rests on: its kind as agreements spell it, and whether its source corroborated it. */
    public record PullBasis(String kind, Corroboration corroborated) {
        public PullBasis {
            java.util.Objects.requireNonNull(kind, "kind");
            java.util.Objects.requireNonNull(corroborated, "corroborated");
        }
    }

    private static boolean covers(Agreement a, RecordDescriptor record) {
        return a.provider().equals(record.provider())
                && a.appliesTo().kind().equals(record.kind())
                && a.appliesTo().type().equals(record.type());
    }

    private static Decision decide(Agreement a, String recipient, LocalDate today, ConsentCheck consent) {
        String ref = a.id() + " v" + a.version();
        if (a.status() != AgreementStatus.APPROVED) {
            return Decision.deny(a, recipient, ref + " is " + a.status().yamlName());
        }
        if (!a.unapprovedParties().isEmpty()) {
            return Decision.deny(
                    a, recipient, ref + " is not approved by every party: " + String.join(", ", a.unapprovedParties()));
        }
        if (today.isBefore(a.valid().from())) {
            return Decision.deny(
                    a, recipient, ref + " is not in force until " + a.valid().from());
        }
        if (today.isAfter(a.valid().until())) {
            return Decision.deny(a, recipient, ref + " expired on " + a.valid().until());
        }
        if (a.consent() == ConsentRule.REQUIRED && !consent.recorded(a)) {
            java.util.Optional<String> lifted = consent.liftedBy(a);
            if (lifted.isEmpty()) {
                return Decision.review(a, recipient, ref + " requires consent and none is recorded");
            }
            return Decision.permit(
                    a,
                    recipient,
                    ref + " permits " + a.purpose() + "; its consent requirement lifted by " + lifted.get());
        }
        return Decision.permit(a, recipient, ref + " permits " + a.purpose());
    }

    /**
     * The decision for one agreement (by id, as loaded now) and one of its recipients about a record: a REVIEW decided
     * again, as at release. DENY when the agreement is no longer loaded, no longer covers the record or no longer names
     * the recipient.
     */
    public Decision decideFor(
            String agreementId, RecordDescriptor record, String recipient, LocalDate today, ConsentCheck consent) {
        Agreement a = agreements.get().stream()
                .filter(x -> x.id().equals(agreementId))
                .findFirst()
                .orElse(null);
        if (a == null) {
            return Decision.deny(null, recipient, "no agreement '" + agreementId + "' is loaded");
        }
        if (!covers(a, record)) {
            return Decision.deny(a, recipient, a.id() + " v" + a.version() + " no longer covers the record");
        }
        if (!a.recipients().contains(recipient)) {
            return Decision.deny(a, recipient, a.id() + " v" + a.version() + " no longer names " + recipient);
        }
        return decide(a, recipient, today, consent);
    }

    /**
     * Whether the family's consent is recorded for an agreement that needs it; failing that, what lifts the
     * requirement (a safeguarding override), if anything does.
     */
    @FunctionalInterface
    public interface ConsentCheck {
        boolean recorded(Agreement agreement);

        /** What lifts the agreement's consent requirement for this record, in words for the ledger; empty: nothing. */
        default java.util.Optional<String> liftedBy(Agreement agreement) {
            return java.util.Optional.empty();
        }

        /** This check, with {@code lift} answering {@link #liftedBy}. */
        default ConsentCheck liftedBy(java.util.function.Function<Agreement, java.util.Optional<String>> lift) {
            ConsentCheck self = this;
            return new ConsentCheck() {
                @Override
                public boolean recorded(Agreement agreement) {
                    return self.recorded(agreement);
                }

                @Override
                public java.util.Optional<String> liftedBy(Agreement agreement) {
                    return lift.apply(agreement);
                }
            };
        }

        ConsentCheck NONE_RECORDED = a -> false;
    }
}
