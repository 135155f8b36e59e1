package org.earlyhelp.hub.governance.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.agreement.AgreementStatus;
import org.earlyhelp.hub.governance.agreement.ConsentRule;
import org.earlyhelp.hub.governance.agreement.FieldRule;

/**
 * Over generated agreements (any status, validity window, version, parties, approvals of any version, with or without
 * a statutory duty, with or without consent) and days: nothing is permitted unless the agreement is approved, in date,
 * approved at its version by every party it needs and, where it needs consent, consented to; and everything that meets
 * all of that is permitted. The rule is written out here again, independently of {@link Agreement#unapprovedParties()}.
 */
class AgreementLifecyclePropertiesTest {

    static final String PROVIDER = "police";
    static final String TYPE = "domestic-abuse-incident";

    /** One generated case: the agreement, the day it is judged on, and whether consent is recorded. */
    record Case(Agreement agreement, LocalDate today, boolean consentRecorded) {}

    @Property(tries = 2000)
    void nothingLeavesWithoutAnApprovedInDateFullyApprovedAgreement(@ForAll("cases") Case c) {
        Agreement a = c.agreement();
        List<Decision> decisions = new PolicyDecisionPoint(List.of(a))
                .decide(new RecordDescriptor("event", TYPE, PROVIDER), c.today(), x -> c.consentRecorded());

        boolean mayPermit = a.status() == AgreementStatus.APPROVED
                && !c.today().isBefore(a.valid().from())
                && !c.today().isAfter(a.valid().until())
                && neededApprovalsPresent(a);
        boolean consentMet = a.consent() == ConsentRule.NOT_REQUIRED || c.consentRecorded();
        assertThat(decisions).hasSize(a.recipients().size());
        Statistics.label("may be permitted").collect(mayPermit && consentMet);
        Statistics.label("may be permitted").coverage(cov -> {
            cov.check(true).percentage(p -> p > 2); // the generator reaches the permitted cases
            cov.check(false).percentage(p -> p > 50);
        });
        for (Decision d : decisions) {
            if (d.permitted()) {
                assertThat(mayPermit && consentMet)
                        .as("permitted only when approved, in date, approved by every party, consented: " + d)
                        .isTrue();
            }
            if (mayPermit && consentMet) {
                assertThat(d.permitted())
                        .as("everything that meets the rule is permitted: " + d)
                        .isTrue();
            }
            if (mayPermit && !consentMet) {
                assertThat(d.outcome())
                        .as("awaiting consent is a review, never a permit")
                        .isEqualTo(Outcome.REVIEW);
            }
        }
    }

    /** Written out independently: under a duty the provider and the council, otherwise every named party. */
    private static boolean neededApprovalsPresent(Agreement a) {
        Agreement.Governance g = a.governance();
        if (g == null) {
            return true; // an agreement not written up in full is judged by its status (the lint warns)
        }
        Set<String> needed = new LinkedHashSet<>();
        if (g.statutoryDuty() != null) {
            needed.addAll(g.statutoryDuty().approvedBy());
        } else {
            g.parties().forEach(p -> needed.add(p.partner()));
        }
        for (String party : needed) {
            boolean approved = false;
            for (Agreement.Approval x : g.approvals()) {
                approved |= x.party().equals(party) && x.version() == a.version();
            }
            if (!approved) {
                return false;
            }
        }
        return true;
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<AgreementStatus> status = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(AgreementStatus.APPROVED)),
                net.jqwik.api.Tuple.of(4, Arbitraries.of(AgreementStatus.class)));
        Arbitrary<LocalDate> from = Arbitraries.integers().between(0, 900).map(d -> LocalDate.of(2025, 1, 1)
                .plusDays(d));
        Arbitrary<Integer> length = Arbitraries.integers().between(0, 800);
        Arbitrary<Integer> version = Arbitraries.integers().between(1, 3);
        Arbitrary<List<String>> recipients = Arbitraries.subsetOf("schools", "casesystem", "health")
                .ofMinSize(1)
                .map(s -> s.stream().sorted().toList());
        // bits: 0-1 written up (three times in four), 2 a statutory duty, 3 consent required
        Arbitrary<Integer> flags = Arbitraries.integers().between(0, 15);
        // per party: 1 approved this version, 2 approved another version, 0 not approved
        Arbitrary<List<Integer>> approvalVersions = Arbitraries.frequency(
                        net.jqwik.api.Tuple.of(10, 1), net.jqwik.api.Tuple.of(1, 2), net.jqwik.api.Tuple.of(1, 0))
                .list()
                .ofSize(5);
        Arbitrary<Integer> day = Arbitraries.integers().between(-60, 900); // from the start; lowest bit: consent
        return Combinators.combine(status, from, length, version, recipients, flags, approvalVersions, day)
                .as((s, f, len, v, rs, fl, av, t) -> {
                    Agreement a =
                            agreement(s, f, f.plusDays(len), v, rs, (fl & 3) != 0, (fl & 4) != 0, (fl & 8) != 0, av);
                    return new Case(a, f.plusDays(t), (t & 1) == 0);
                });
    }

    private static Agreement agreement(
            AgreementStatus status,
            LocalDate from,
            LocalDate until,
            int version,
            List<String> recipients,
            boolean written,
            boolean duty,
            boolean consent,
            List<Integer> approvalVersions) {
        List<String> partners = new ArrayList<>();
        partners.add(PROVIDER);
        partners.addAll(recipients);
        partners.add("council");
        List<Agreement.Party> parties = new ArrayList<>();
        List<Agreement.Approval> approvals = new ArrayList<>();
        for (int i = 0; i < partners.size(); i++) {
            String p = partners.get(i);
            parties.add(new Agreement.Party(p, p.equals("council") ? "processor" : "controller", p));
            int approved = approvalVersions.get(i % approvalVersions.size());
            if (approved > 0) {
                int of = approved == 1 ? version : version == 1 ? 2 : version - 1;
                approvals.add(new Agreement.Approval(p, "someone", "a role", from, of));
            }
        }
        Agreement.Governance governance = !written
                ? null
                : new Agreement.Governance(
                        "A purpose long enough to be a purpose.",
                        parties,
                        List.of(),
                        true,
                        new Agreement.Rights(new Agreement.Contact("DPO", null, null), "ask the DPO"),
                        "privacy notice",
                        "deleted after a year",
                        List.of("tls-in-transit"),
                        "DPIA-1",
                        new Agreement.SignOff("someone", "a role", from),
                        List.of("read"),
                        List.of(),
                        List.of(),
                        List.of("uk-gdpr"),
                        duty
                                ? new Agreement.StatutoryDuty(
                                        "domestic-abuse-act-2021-s49a", List.of(PROVIDER, "council"))
                                : null,
                        approvals);
        return new Agreement(
                "generated",
                "Generated agreement",
                version,
                status,
                PROVIDER,
                recipients,
                "safeguarding/domestic-abuse-notification",
                new Agreement.LawfulBasis("public-task", "dpa-2018-sch1-para18", List.of()),
                consent ? ConsentRule.REQUIRED : ConsentRule.NOT_REQUIRED,
                new Agreement.AppliesTo("event", TYPE),
                Map.of("child.name", FieldRule.ALLOW),
                new Agreement.Delivery("before-next-school-day"),
                Period.ofYears(1),
                new Agreement.Validity(from, until, null),
                null,
                consent ? "housing" : null,
                null,
                governance,
                null,
                null);
    }
}
