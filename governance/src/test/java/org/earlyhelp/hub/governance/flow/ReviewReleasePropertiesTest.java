package org.earlyhelp.hub.governance.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.earlyhelp.hub.governance.TestRecords.child;
import static org.earlyhelp.hub.governance.TestRecords.incident;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.agreement.AgreementLoader;
import org.earlyhelp.hub.governance.agreement.FieldRule;
import org.earlyhelp.hub.governance.decision.PolicyDecisionPoint;
import org.earlyhelp.hub.governance.ledger.ChainKey;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.SubjectKey;
import org.earlyhelp.hub.governance.minimise.FieldCatalogue;
import org.earlyhelp.hub.governance.minimise.Minimiser;
import org.earlyhelp.hub.governance.minimise.Pseudonymiser;
import org.earlyhelp.hub.governance.override.OverrideRefused;
import org.earlyhelp.hub.governance.override.SafeguardingOverrides;
import org.earlyhelp.hub.governance.replay.DeadLetterReplays;
import org.earlyhelp.hub.governance.review.DisclosureReviews;
import org.earlyhelp.hub.governance.review.ReviewCause;
import org.earlyhelp.hub.governance.review.ReviewClosed;
import org.earlyhelp.hub.governance.review.ReviewItem;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.testsupport.TestDatabase;

/**
 * Over generated agreements that need consent and declare an override (any reasons, roles and maximum length), consent
 * states, override requests (any gateway, role and length) and moments of release, on a real PostgreSQL: a parked
 * notification is released only when consent is recorded at that moment or an override the agreement allows is still in
 * force; an override outside the declared reasons, roles or length is refused; a withdrawn consent releases nothing;
 * what is released never carries a field the agreement does not release; and nothing is released twice.
 */
class ReviewReleasePropertiesTest {

    static final List<String> LIFTING = List.of(
            "children-act-1989-s17",
            "children-act-1989-s47",
            "dpa-2018-sch1-para18",
            "crime-and-disorder-act-1998-s115");
    static final List<String> GATEWAYS = List.of(
            "children-act-1989-s17",
            "children-act-1989-s47",
            "dpa-2018-sch1-para18",
            "crime-and-disorder-act-1998-s115",
            "children-act-2004-s11",
            "domestic-abuse-act-2021-s49a",
            "childrens-wellbeing-and-schools-act-2026-information-sharing");
    static final List<String> ROLES = List.of(
            "social-worker",
            "police-safeguarding-officer",
            "designated-safeguarding-lead",
            "early-help-lead-practitioner");
    static final Instant T0 = Instant.parse("2026-07-15T09:00:00Z");
    static final Pseudonymiser PSEUDONYMISER =
            new Pseudonymiser("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    static TestDatabase postgres;
    static DataSource dataSource;
    static String shipped;

    @BeforeContainer
    static void start() throws IOException {
        postgres = TestDatabase.migrated();
        dataSource = postgres.dataSource();
        shipped = Files.readString(Path.of("..", "agreements", "police-to-schools-domestic-abuse.yaml"));
    }

    @AfterContainer
    static void stop() throws IOException {
        postgres.close();
    }

    enum ConsentState {
        NEVER_RECORDED,
        GIVEN,
        WITHDRAWN
    }

    record OverrideAsk(String reason, String role, int hours) {}

    record Case(
            List<String> declaredReasons,
            List<String> declaredRoles,
            int maxHours,
            ConsentState consent,
            Optional<OverrideAsk> ask,
            int hoursUntilRelease) {}

    @Property(tries = 250)
    void releasedOnlyWithConsentOrAnAllowedOverrideInForce(@ForAll("cases") Case c) throws IOException {
        Agreement agreement = agreementFor(c);
        MovableClock clock = new MovableClock(T0);
        DisclosureLedger ledger = new DisclosureLedger(
                dataSource, clock, new ChainKey("a chain key of at least 32 bytes, for tests only".getBytes()));
        DisclosureReviews reviews = new DisclosureReviews(dataSource, clock);
        SafeguardingOverrides overrides = new SafeguardingOverrides(dataSource, ledger, clock);
        GovernanceService planner = new GovernanceService(
                new PolicyDecisionPoint(List.of(agreement)),
                new Minimiser(PSEUDONYMISER),
                new SubjectKey(PSEUDONYMISER),
                new FieldCatalogue(org.earlyhelp.hub.testsupport.TestPayloads.CORE),
                java.util.Map.of("schools", GovernanceServiceTest.SCHOOL_OF_CHILD));
        Governance governance =
                new Governance(planner, ledger, reviews, overrides, new DeadLetterReplays(dataSource, clock));
        LocalDate today = LocalDate.ofInstant(T0, ZoneId.of("Europe/London"));

        // Given a notification parked because it needs consent and none is recorded
        String recordId = UUID.randomUUID().toString();
        HubRecord record =
                incident(recordId, List.of("c1"), child("c1", "Amy", "Lowe", LocalDate.of(2016, 3, 10), "100001"));
        governance.notify(List.of(governance.prepare(record, today)));
        List<ReviewItem> parked = reviews.ofRecord(recordId);
        assertThat(parked).hasSize(1);
        assertThat(parked.get(0).cause()).isEqualTo(ReviewCause.CONSENT);

        // When an override is asked for (or not)
        boolean allowed = c.ask().isPresent()
                && c.declaredReasons().contains(c.ask().get().reason())
                && c.declaredRoles().contains(c.ask().get().role())
                && c.ask().get().hours() >= 1
                && c.ask().get().hours() <= c.maxHours();
        boolean accepted = false;
        if (c.ask().isPresent()) {
            OverrideAsk ask = c.ask().get();
            try {
                overrides.assertOverride(
                        agreement,
                        new SafeguardingOverrides.Request(
                                recordId, ask.reason(), "pro-1", ask.role(), Duration.ofHours(ask.hours())),
                        "police:force");
                accepted = true;
            } catch (OverrideRefused refused) {
                accepted = false;
            }
        }
        // Then it is accepted exactly when the agreement allows it
        assertThat(accepted)
                .as("override accepted iff within the declared reasons, roles and length")
                .isEqualTo(allowed);

        // When the board releases it some hours later, with consent as it then stands
        clock.advance(Duration.ofHours(c.hoursUntilRelease()));
        boolean liftedNow = allowed && c.hoursUntilRelease() < c.ask().get().hours();
        boolean expectRelease = c.consent() == ConsentState.GIVEN || liftedNow;
        PolicyDecisionPoint.ConsentCheck consent = a -> c.consent() == ConsentState.GIVEN;
        List<Governance.Release> sent = new ArrayList<>();
        boolean released;
        try {
            governance.release(
                    parked.get(0).decisionKey(),
                    "governance:board/reviewer",
                    item -> new Governance.ReleaseContext(record, consent, null),
                    today,
                    sent::add);
            released = true;
        } catch (ReleaseRefused refused) {
            released = false;
        }
        Statistics.label("released").collect(released);
        Statistics.label("released").coverage(cov -> {
            cov.check(true).percentage(p -> p > 10);
            cov.check(false).percentage(p -> p > 10);
        });
        Statistics.label("override accepted").coverage(cov -> cov.check(true).percentage(p -> p > 4));
        Statistics.label("override accepted").collect(accepted);
        Statistics.label("released by the override alone").collect(liftedNow && c.consent() != ConsentState.GIVEN);
        Statistics.label("released by the override alone")
                .coverage(cov -> cov.check(true).percentage(p -> p > 2));

        // Then it is released exactly when consent is recorded or an allowed override is still in force
        assertThat(released)
                .as("released iff consent given or an allowed override in force")
                .isEqualTo(expectRelease);
        assertThat(sent).hasSize(released ? 1 : 0);
        assertThat(reviews.find(parked.get(0).decisionKey()).orElseThrow().status())
                .isEqualTo(released ? ReviewItem.Status.RELEASED : ReviewItem.Status.OPEN);
        if (released) {
            // and never with a field the agreement does not release, and only once
            Set<String> releasable = new java.util.HashSet<>();
            agreement.fields().forEach((path, rule) -> {
                if (rule.action() != FieldRule.Action.DROP) {
                    releasable.add(path);
                }
            });
            assertThat(releasable).containsAll(sent.get(0).fields().keySet());
            assertThatThrownBy(() -> governance.release(
                            parked.get(0).decisionKey(),
                            "governance:board/reviewer",
                            item -> new Governance.ReleaseContext(record, consent, null),
                            today,
                            sent::add))
                    .isInstanceOf(ReviewClosed.class);
            assertThat(sent).hasSize(1);
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<List<String>> reasons =
                Arbitraries.of(LIFTING).list().uniqueElements().ofMinSize(1).ofMaxSize(4);
        Arbitrary<List<String>> roles = Arbitraries.of(ROLES.subList(0, 3))
                .list()
                .uniqueElements()
                .ofMinSize(1)
                .ofMaxSize(3);
        Arbitrary<Optional<OverrideAsk>> ask = Combinators.combine(
                        Arbitraries.of(GATEWAYS),
                        Arbitraries.of(ROLES),
                        Arbitraries.integers().between(0, 120))
                .as(OverrideAsk::new)
                .optional(0.8);
        return Combinators.combine(
                        reasons,
                        roles,
                        Arbitraries.integers().between(12, 96),
                        Arbitraries.of(ConsentState.class),
                        ask,
                        Arbitraries.integers().between(0, 48))
                .as(Case::new);
    }

    private static Agreement agreementFor(Case c) throws IOException {
        String yaml = shipped.replace("consent: not-required", "consent: { required: true, collector: health }")
                + "safeguarding-override:\n  reasons: " + c.declaredReasons() + "\n  roles: " + c.declaredRoles()
                + "\n  max-hours: " + c.maxHours() + "\n";
        Path dir = Files.createTempDirectory("override-agreement");
        Path file = dir.resolve("police-to-schools-domestic-abuse.yaml");
        Files.writeString(file, yaml);
        try {
            return AgreementLoader.load(file);
        } finally {
            Files.delete(file);
            Files.delete(dir);
        }
    }

    /** A clock the test moves on. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
