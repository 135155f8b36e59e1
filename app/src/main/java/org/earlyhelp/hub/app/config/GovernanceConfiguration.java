package org.earlyhelp.hub.app.config;

import java.time.Clock;
import org.earlyhelp.hub.app.agreements.AgreementCatalogue;
import org.earlyhelp.hub.connector.api.Connectors;
import org.earlyhelp.hub.connector.api.Topics;
import org.earlyhelp.hub.governance.decision.PolicyDecisionPoint;
import org.earlyhelp.hub.governance.flow.Governance;
import org.earlyhelp.hub.governance.flow.GovernanceService;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.SubjectKey;
import org.earlyhelp.hub.governance.minimise.AtRestMinimiser;
import org.earlyhelp.hub.governance.minimise.FieldCatalogue;
import org.earlyhelp.hub.governance.minimise.Minimiser;
import org.earlyhelp.hub.governance.minimise.Pseudonymiser;
import org.earlyhelp.hub.governance.minimise.RecordRetention;
import org.earlyhelp.hub.governance.override.SafeguardingOverrides;
import org.earlyhelp.hub.governance.replay.DeadLetterReplays;
import org.earlyhelp.hub.governance.review.DisclosureReviews;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.earlyhelp.hub.schema.codec.SchemaRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The governance core as beans: agreements, decision point, minimiser, pseudonymisation keys (ledger: {@link LedgerConfiguration}). */
@Configuration(proxyBeanMethods = false)
public class GovernanceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RecordCodec recordCodec() {
        return new RecordCodec(SchemaRegistry.load());
    }

    /** Every connector on the classpath: the partners, their record types, topics, addressing and relationships. */
    @Bean
    Connectors connectors(org.springframework.core.env.Environment env) {
        return Connectors.discover(name -> java.util.Optional.ofNullable(env.getProperty(name))
                .map(String::strip)
                .filter(v -> !v.isEmpty()));
    }

    /** The hub's topic names, one naming for every connector and route. */
    @Bean
    Topics topics(HubProperties hub) {
        return new Topics(
                hub.topics().inboundPrefix(),
                hub.topics().dlqPrefix(),
                hub.topics().outboundPrefix());
    }

    /** The field paths agreements may name, from the payload types the connectors register. */
    @Bean
    FieldCatalogue fieldCatalogue(Connectors connectors) {
        return new FieldCatalogue(org.earlyhelp.hub.analytics.export.DatasetTypes.with(connectors.payloadTypes()));
    }

    @Bean
    AgreementCatalogue agreementCatalogue(HubProperties hub, Connectors connectors) {
        return new AgreementCatalogue(hub.agreements().dir(), connectors);
    }

    /** Every load, change and refusal of the agreements, in the ledger. */
    @Bean
    org.earlyhelp.hub.app.agreements.AgreementChanges agreementChanges(
            AgreementCatalogue catalogue,
            org.earlyhelp.hub.governance.ledger.DisclosureLedger ledger,
            HubProperties hub) {
        return new org.earlyhelp.hub.app.agreements.AgreementChanges(
                catalogue, ledger, hub.agreements().dir());
    }

    /** A change to the agreements directory applied without a restart. */
    @Bean
    org.earlyhelp.hub.app.agreements.AgreementWatcher agreementWatcher(
            org.earlyhelp.hub.app.agreements.AgreementChanges changes, HubProperties hub) {
        return new org.earlyhelp.hub.app.agreements.AgreementWatcher(
                changes, hub.agreements().watchInterval());
    }

    /** What no agreement could release is removed before a record is written to Kafka or the record store. */
    @Bean
    AtRestMinimiser atRestMinimiser(AgreementCatalogue agreements, FieldCatalogue catalogue, Clock clock) {
        return new AtRestMinimiser(agreements, catalogue, clock);
    }

    @Bean
    RecordRetention recordRetention(AgreementCatalogue agreements) {
        return new RecordRetention(agreements);
    }

    @Bean
    PolicyDecisionPoint policyDecisionPoint(AgreementCatalogue agreements) {
        return new PolicyDecisionPoint(agreements);
    }

    @Bean
    PseudonymisationKeys pseudonymisationKeys(HubProperties hub) {
        return PseudonymisationKeys.from(hub.pseudonymisation(), hub.embedded().enabled());
    }

    @Bean
    Pseudonymiser pseudonymiser(PseudonymisationKeys keys) {
        return keys.current();
    }

    @Bean
    SubjectKey subjectKey(PseudonymisationKeys keys) {
        return new SubjectKey(keys.current(), keys.previous());
    }

    /** Notification's one entry point: decisions in the ledger before anything is releasable. */
    @Bean
    Governance governance(
            PolicyDecisionPoint pdp,
            Pseudonymiser pseudonymiser,
            SubjectKey subjectKey,
            FieldCatalogue catalogue,
            Connectors connectors,
            DisclosureLedger ledger,
            DisclosureReviews reviews,
            SafeguardingOverrides overrides,
            DeadLetterReplays replays,
            org.earlyhelp.hub.governance.agreement.Adherences adherences) {
        return new Governance(
                new GovernanceService(
                        pdp, new Minimiser(pseudonymiser), subjectKey, catalogue, connectors.addressing(), adherences),
                ledger,
                reviews,
                overrides,
                replays);
    }

    @Bean
    DeadLetterReplays deadLetterReplays(javax.sql.DataSource dataSource, Clock clock) {
        return new DeadLetterReplays(dataSource, clock);
    }

    /** The disclosure review queue: every REVIEW of a notification, until a person releases or refuses it. */
    @Bean
    DisclosureReviews disclosureReviews(javax.sql.DataSource dataSource, Clock clock) {
        return new DisclosureReviews(dataSource, clock);
    }

    @Bean
    SafeguardingOverrides safeguardingOverrides(javax.sql.DataSource dataSource, DisclosureLedger ledger, Clock clock) {
        return new SafeguardingOverrides(dataSource, ledger, clock);
    }

    @Bean
    org.earlyhelp.hub.app.review.DisclosureReviewService disclosureReviewService(
            Governance governance,
            org.earlyhelp.hub.routes.resolve.RecordStore store,
            RecordCodec codec,
            org.earlyhelp.hub.matching.index.PersonIndex index,
            org.earlyhelp.hub.governance.consent.ConsentRegister consents,
            org.earlyhelp.hub.governance.relationship.RelationshipRegister relationships,
            org.apache.kafka.clients.producer.Producer<String, byte[]> governedProducer,
            Topics topics,
            Clock clock) {
        return new org.earlyhelp.hub.app.review.DisclosureReviewService(
                governance,
                store,
                codec,
                index,
                consents,
                relationships,
                new org.earlyhelp.hub.connector.api.batch.TopicPublisher(governedProducer),
                topics,
                clock);
    }

    @Bean
    org.earlyhelp.hub.app.deadletter.DeadLetterService deadLetterService(
            Governance governance,
            DeadLetterReplays replays,
            org.earlyhelp.hub.routes.resolve.RecordStore store,
            RecordCodec codec,
            org.earlyhelp.hub.matching.index.PersonIndex index,
            SubjectKey subjectKey,
            org.earlyhelp.hub.governance.consent.ConsentRegister consents,
            org.apache.kafka.clients.producer.Producer<String, byte[]> governedProducer,
            KafkaClientSettings kafka,
            Topics topics,
            Clock clock) {
        return new org.earlyhelp.hub.app.deadletter.DeadLetterService(
                new org.earlyhelp.hub.app.deadletter.DeadLetters(
                        own -> new org.apache.kafka.clients.consumer.KafkaConsumer<>(kafka.configure(own)),
                        topics,
                        codec),
                replays,
                governance,
                store,
                codec,
                index,
                subjectKey,
                consents,
                new org.earlyhelp.hub.connector.api.batch.TopicPublisher(governedProducer),
                topics,
                clock);
    }

    /**
     * The school calendar deadlines are counted in: the council's file ({@code hub.deadlines.school-calendar}) or the
     * shipped one. A file that does not read stops the start with the file and what is wrong.
     */
    @Bean
    org.earlyhelp.hub.governance.deadline.DeadlineCalendar schoolCalendar(
            @org.springframework.beans.factory.annotation.Value("${hub.deadlines.school-calendar:}") String file) {
        return file.isBlank()
                ? org.earlyhelp.hub.governance.deadline.DeadlineCalendar.shipped()
                : org.earlyhelp.hub.governance.deadline.DeadlineCalendar.load(java.nio.file.Path.of(file.strip()));
    }

    @Bean
    org.earlyhelp.hub.app.feeds.NotificationDeadlines notificationDeadlines(
            org.springframework.jdbc.core.JdbcTemplate jdbc,
            PolicyDecisionPoint pdp,
            org.earlyhelp.hub.governance.deadline.DeadlineCalendar calendar,
            Clock clock) {
        return new org.earlyhelp.hub.app.feeds.NotificationDeadlines(jdbc, pdp, calendar, clock);
    }

    @Bean
    org.earlyhelp.hub.app.corrections.SplitDisclosures splitDisclosures(
            org.springframework.jdbc.core.JdbcTemplate jdbc, Clock clock) {
        return new org.earlyhelp.hub.app.corrections.SplitDisclosures(jdbc, clock);
    }

    /** Publishes recalls to the recipients' outbound topics, waiting for the broker. */
    @Bean
    org.earlyhelp.hub.connector.api.batch.TopicPublisher correctionsPublisher(
            org.apache.kafka.clients.producer.Producer<String, byte[]> governedProducer) {
        return new org.earlyhelp.hub.connector.api.batch.TopicPublisher(governedProducer);
    }

    /** Adherences, read by decisions from a snapshot reloaded every 30 seconds (at once on the recording instance). */
    @Bean
    org.earlyhelp.hub.governance.agreement.Adherences adherences(
            javax.sql.DataSource dataSource, DisclosureLedger ledger, Clock clock) {
        return new org.earlyhelp.hub.governance.agreement.Adherences(
                dataSource, ledger, clock, java.time.Duration.ofSeconds(30));
    }
}
