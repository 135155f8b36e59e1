package org.earlyhelp.hub.app.config;

import java.time.Clock;
import org.earlyhelp.hub.app.agreements.AgreementCatalogue;
import org.earlyhelp.hub.governance.decision.PolicyDecisionPoint;
import org.earlyhelp.hub.governance.flow.GovernanceService;
import org.earlyhelp.hub.governance.ledger.SubjectKey;
import org.earlyhelp.hub.governance.minimise.AtRestMinimiser;
import org.earlyhelp.hub.governance.minimise.FieldCatalogue;
import org.earlyhelp.hub.governance.minimise.Minimiser;
import org.earlyhelp.hub.governance.minimise.Pseudonymiser;
import org.earlyhelp.hub.governance.minimise.RecordRetention;
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

    @Bean
    AgreementCatalogue agreementCatalogue(HubProperties hub) {
        return new AgreementCatalogue(hub.agreements().dir());
    }

    /** What no agreement could release is removed before a record is written to Kafka or the record store. */
    @Bean
    AtRestMinimiser atRestMinimiser(AgreementCatalogue agreements, Clock clock) {
        return new AtRestMinimiser(agreements, FieldCatalogue.standard(), clock);
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

    @Bean
    GovernanceService governanceService(PolicyDecisionPoint pdp, Pseudonymiser pseudonymiser, SubjectKey subjectKey) {
        return new GovernanceService(pdp, new Minimiser(pseudonymiser), subjectKey, FieldCatalogue.standard());
    }
}
