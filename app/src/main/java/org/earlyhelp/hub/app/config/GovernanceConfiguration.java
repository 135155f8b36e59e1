package org.earlyhelp.hub.app.config;

import java.time.Clock;
import java.util.Base64;
import javax.sql.DataSource;
import org.earlyhelp.hub.app.agreements.AgreementCatalogue;
import org.earlyhelp.hub.governance.decision.PolicyDecisionPoint;
import org.earlyhelp.hub.governance.flow.GovernanceService;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.LedgerVerifier;
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

/** The governance core as beans: agreements, decision point, minimiser, ledger. */
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
    Pseudonymiser pseudonymiser(HubProperties hub) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(hub.pseudonymisation().key());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("hub.pseudonymisation.key must be base64 of at least 32 random bytes");
        }
        return new Pseudonymiser(key);
    }

    @Bean
    SubjectKey subjectKey(Pseudonymiser pseudonymiser) {
        return new SubjectKey(pseudonymiser);
    }

    @Bean
    GovernanceService governanceService(PolicyDecisionPoint pdp, Pseudonymiser pseudonymiser, SubjectKey subjectKey) {
        return new GovernanceService(pdp, new Minimiser(pseudonymiser), subjectKey, FieldCatalogue.standard());
    }

    @Bean
    DisclosureLedger disclosureLedger(DataSource dataSource, Clock clock, HubProperties hub) {
        // a demonstration deployment marks every entry it writes, so none is taken for a real disclosure
        return new DisclosureLedger(
                dataSource,
                clock,
                hub.simulator().demonstration() ? java.util.Map.of("demonstration", "true") : java.util.Map.of());
    }

    @Bean
    LedgerVerifier ledgerVerifier(DataSource dataSource) {
        return new LedgerVerifier(dataSource);
    }
}
