package org.earlyhelp.hub.governance.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.earlyhelp.hub.governance.TestRecords.child;
import static org.earlyhelp.hub.governance.TestRecords.incident;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import org.earlyhelp.hub.governance.decision.Outcome;
import org.earlyhelp.hub.governance.decision.PolicyDecisionPoint;
import org.earlyhelp.hub.governance.ledger.ChainKey;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.LedgerEntry;
import org.earlyhelp.hub.governance.ledger.SubjectKey;
import org.earlyhelp.hub.governance.minimise.FieldCatalogue;
import org.earlyhelp.hub.governance.minimise.Minimiser;
import org.earlyhelp.hub.governance.override.SafeguardingOverrides;
import org.earlyhelp.hub.governance.replay.DeadLetterReplays;
import org.earlyhelp.hub.governance.replay.ReplayDone;
import org.earlyhelp.hub.governance.review.DisclosureReviews;
import org.earlyhelp.hub.governance.review.ReviewItem;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.testsupport.TestDatabase;

/**
 * Over dead-lettered Operation Encompass disclosures replayed under a generated change to the agreement (unchanged,
 * needing consent, suspended, narrowed, a new version no party has approved, expired) and a generated consent state at
 * the replay, on a real PostgreSQL: a replay is a new decision, never the dead-lettered disclosure resent; it sends only
 * what the agreement in force at the replay permits for that recipient, with the consent recorded at the replay (a
 * withdrawn consent stops it); what it sends carries no field that agreement does not release; and a letter is replayed
 * once.
 */
class ReplayPropertiesTest {

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

    /** How the agreement stands at the replay, against the version the disclosure was permitted under. */
    enum Change {
        UNCHANGED,
        NEEDS_CONSENT,
        SUSPENDED,
        NARROWED,
        NEW_VERSION_UNAPPROVED,
        EXPIRED
    }

    enum ConsentState {
        NEVER_RECORDED,
        GIVEN,
        WITHDRAWN
    }

    record Case(Change change, ConsentState consent, boolean replayTwice) {}

    @Property(tries = 120)
    void aReplayIsDecidedAgainUnderTodaysAgreementAndConsent(@ForAll("cases") Case c) throws IOException {
        ReviewReleasePropertiesTest.MovableClock clock =
                new ReviewReleasePropertiesTest.MovableClock(ReviewReleasePropertiesTest.T0);
        DisclosureLedger ledger = new DisclosureLedger(
                dataSource, clock, new ChainKey("a chain key of at least 32 bytes, for tests only".getBytes()));
        DisclosureReviews reviews = new DisclosureReviews(dataSource, clock);
        SafeguardingOverrides overrides = new SafeguardingOverrides(dataSource, ledger, clock);
        DeadLetterReplays replays = new DeadLetterReplays(dataSource, clock);
        LocalDate today = LocalDate.ofInstant(ReviewReleasePropertiesTest.T0, ZoneId.of("Europe/London"));

        // Given a disclosure permitted, released and dead-lettered by the school's system
        Governance then = governance(load(shipped), ledger, reviews, overrides, replays);
        String recordId = UUID.randomUUID().toString();
        HubRecord record =
                incident(recordId, List.of("c1"), child("c1", "Amy", "Lowe", LocalDate.of(2016, 3, 10), "100001"));
        List<Governance.Release> released =
                then.notify(List.of(then.prepare(record, today))).releases();
        assertThat(released).hasSize(1);
        Governance.Release dead = released.get(0);
        ledger.recordDeliveries(List.of(new DisclosureLedger.DeliveryRecord(
                dead.deliveryId(),
                dead.recipient().toString(),
                DisclosureLedger.DeliveryStatus.DEAD_LETTERED,
                3,
                422)));

        // When it is replayed after the agreement changed and with consent as it now stands
        Agreement now = load(changed(c.change()));
        Governance governance = governance(now, ledger, reviews, overrides, replays);
        PolicyDecisionPoint.ConsentCheck consent = a -> c.consent() == ConsentState.GIVEN;
        List<Governance.Release> sent = new ArrayList<>();
        String letter = "hub.dlq.schools/0/" + UUID.randomUUID();
        Governance.Replayed replayed = governance.replay(
                letter,
                dead.deliveryId(),
                dead.recipient(),
                "governance:board/reviewer",
                entry -> new Governance.ReleaseContext(record, consent, null),
                today,
                sent::add);

        boolean permits =
                switch (c.change()) {
                    case UNCHANGED, NARROWED -> true;
                    case NEEDS_CONSENT -> c.consent() == ConsentState.GIVEN;
                    case SUSPENDED, NEW_VERSION_UNAPPROVED, EXPIRED -> false;
                };
        Statistics.label("sent").collect(!sent.isEmpty());
        Statistics.label("sent").coverage(cov -> {
            cov.check(true).percentage(p -> p > 15);
            cov.check(false).percentage(p -> p > 15);
        });

        // Then it is sent exactly when today's agreement and consent permit it, as a new decision
        assertThat(sent).as("sent iff permitted now").hasSize(permits ? 1 : 0);
        assertThat(replayed.outcome() == Outcome.PERMIT).isEqualTo(permits);
        LedgerEntry entry = ledger.findByKey(replayed.replay().replayKey()).orElseThrow();
        assertThat(entry.actor()).isEqualTo("governance:board/reviewer");
        assertThat(entry.details()).containsEntry("replayOf", dead.deliveryId());
        assertThat(entry.decision()).isEqualTo(replayed.outcome());
        if (permits) {
            Governance.Release again = sent.get(0);
            assertThat(again.deliveryId())
                    .as("a new delivery id, not the dead letter's")
                    .isNotEqualTo(dead.deliveryId())
                    .isEqualTo(entry.decisionKey());
            Set<String> releasable = new HashSet<>();
            now.fields().forEach((path, rule) -> {
                if (rule.action() != FieldRule.Action.DROP) {
                    releasable.add(path);
                }
            });
            assertThat(releasable)
                    .as("only fields today's agreement releases")
                    .containsAll(again.fields().keySet());
            assertThat(again.agreementVersion()).isEqualTo(now.version());
        } else {
            assertThat(entry.fieldsReleased()).isEmpty();
        }
        if (c.change() == Change.NEEDS_CONSENT && c.consent() != ConsentState.GIVEN) {
            // a replay that needs consent no one has recorded waits in the review queue, like any notification
            assertThat(replayed.outcome()).isEqualTo(Outcome.REVIEW);
            assertThat(reviews.find(entry.decisionKey()).orElseThrow().status()).isEqualTo(ReviewItem.Status.OPEN);
        }

        // and a letter is replayed once
        if (c.replayTwice()) {
            assertThatThrownBy(() -> governance.replay(
                            letter,
                            dead.deliveryId(),
                            dead.recipient(),
                            "governance:board/other",
                            e -> new Governance.ReleaseContext(record, a -> true, null),
                            today,
                            sent::add))
                    .isInstanceOf(ReplayDone.class);
            assertThat(sent).hasSize(permits ? 1 : 0);
        }
    }

    @Property(tries = 10)
    void aDisclosureNotDeadLetteredCannotBeReplayed(@ForAll("changes") Change change) throws IOException {
        ReviewReleasePropertiesTest.MovableClock clock =
                new ReviewReleasePropertiesTest.MovableClock(ReviewReleasePropertiesTest.T0);
        DisclosureLedger ledger = new DisclosureLedger(
                dataSource, clock, new ChainKey("a chain key of at least 32 bytes, for tests only".getBytes()));
        DisclosureReviews reviews = new DisclosureReviews(dataSource, clock);
        Governance governance = governance(
                load(shipped),
                ledger,
                reviews,
                new SafeguardingOverrides(dataSource, ledger, clock),
                new DeadLetterReplays(dataSource, clock));
        LocalDate today = LocalDate.ofInstant(ReviewReleasePropertiesTest.T0, ZoneId.of("Europe/London"));
        HubRecord record = incident(
                UUID.randomUUID().toString(),
                List.of("c1"),
                child("c1", "Amy", "Lowe", LocalDate.of(2016, 3, 10), "100001"));
        Governance.Release r = governance
                .notify(List.of(governance.prepare(record, today)))
                .releases()
                .get(0);
        if (change == Change.UNCHANGED) {
            ledger.recordDeliveries(List.of(new DisclosureLedger.DeliveryRecord(
                    r.deliveryId(), r.recipient().toString(), DisclosureLedger.DeliveryStatus.DELIVERED, 1, 200)));
        }
        List<Governance.Release> sent = new ArrayList<>();
        assertThatThrownBy(() -> governance.replay(
                        "hub.dlq.schools/0/" + UUID.randomUUID(),
                        r.deliveryId(),
                        r.recipient(),
                        "governance:board/reviewer",
                        e -> new Governance.ReleaseContext(record, a -> true, null),
                        today,
                        sent::add))
                .isInstanceOf(IllegalArgumentException.class);
        // nor to a recipient other than the one the ledger shows
        ledger.recordDeliveries(List.of(new DisclosureLedger.DeliveryRecord(
                r.deliveryId(), r.recipient().toString(), DisclosureLedger.DeliveryStatus.DEAD_LETTERED, 3, 422)));
        assertThatThrownBy(() -> governance.replay(
                        "hub.dlq.schools/0/" + UUID.randomUUID(),
                        r.deliveryId(),
                        new Recipient("schools", "999999"),
                        "governance:board/reviewer",
                        e -> new Governance.ReleaseContext(record, a -> true, null),
                        today,
                        sent::add))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(sent).isEmpty();
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(
                        Arbitraries.of(Change.class), Arbitraries.of(ConsentState.class), Arbitraries.of(true, false))
                .as(Case::new);
    }

    @Provide
    Arbitrary<Change> changes() {
        return Arbitraries.of(Change.UNCHANGED, Change.SUSPENDED);
    }

    private static Governance governance(
            Agreement agreement,
            DisclosureLedger ledger,
            DisclosureReviews reviews,
            SafeguardingOverrides overrides,
            DeadLetterReplays replays) {
        return new Governance(
                new GovernanceService(
                        new PolicyDecisionPoint(List.of(agreement)),
                        new Minimiser(ReviewReleasePropertiesTest.PSEUDONYMISER),
                        new SubjectKey(ReviewReleasePropertiesTest.PSEUDONYMISER),
                        new FieldCatalogue(org.earlyhelp.hub.testsupport.TestPayloads.CORE),
                        Map.of("schools", GovernanceServiceTest.SCHOOL_OF_CHILD)),
                ledger,
                reviews,
                overrides,
                replays);
    }

    private static String changed(Change change) {
        String yaml =
                switch (change) {
                    case UNCHANGED -> shipped;
                    case NEEDS_CONSENT ->
                        shipped.replace("consent: not-required", "consent: { required: true, collector: health }");
                    case SUSPENDED -> shipped.replace("status: approved", "status: suspended");
                    case NARROWED ->
                        shipped.replace("  child.date-of-birth: allow\n", "")
                                .replace("  incident.place: generalise postcode-district\n", "");
                    case NEW_VERSION_UNAPPROVED -> shipped.replace("version: 1\n", "version: 2\n");
                    case EXPIRED ->
                        shipped.replace(
                                "valid: { from: 2025-09-01, until: 2027-08-31, review: 2027-03-01 }",
                                "valid: { from: 2025-09-01, until: 2026-06-30, review: 2026-03-01 }");
                };
        if (change != Change.UNCHANGED && yaml.equals(shipped)) {
            throw new IllegalStateException("the shipped agreement no longer has the text " + change + " changes");
        }
        return yaml;
    }

    private static Agreement load(String yaml) throws IOException {
        Path dir = Files.createTempDirectory("replay-agreement");
        Path file = dir.resolve("police-to-schools-domestic-abuse.yaml");
        Files.writeString(file, yaml);
        try {
            return AgreementLoader.load(file);
        } finally {
            Files.delete(file);
            Files.delete(dir);
        }
    }
}
