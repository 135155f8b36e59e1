package org.earlyhelp.hub.app.config;

import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.earlyhelp.hub.app.family.FamilyViewService;
import org.earlyhelp.hub.governance.consent.ConsentRegister;
import org.earlyhelp.hub.governance.decision.PolicyDecisionPoint;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.SubjectKey;
import org.earlyhelp.hub.governance.minimise.FieldCatalogue;
import org.earlyhelp.hub.governance.minimise.Minimiser;
import org.earlyhelp.hub.governance.minimise.Pseudonymiser;
import org.earlyhelp.hub.governance.relationship.RelationshipRegister;
import org.earlyhelp.hub.matching.engine.MatchSettings;
import org.earlyhelp.hub.matching.engine.PairMatcher;
import org.earlyhelp.hub.matching.engine.StandardMatcher;
import org.earlyhelp.hub.matching.index.FamilyGraph;
import org.earlyhelp.hub.matching.index.IndexTermFrequencies;
import org.earlyhelp.hub.matching.index.MergeLineage;
import org.earlyhelp.hub.matching.index.PersonIndex;
import org.earlyhelp.hub.routes.resolve.RecordResolver;
import org.earlyhelp.hub.routes.resolve.RecordStore;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/**
 * The person index (with the standard matcher and the shipped or configured match settings), the record store, the resolve step and
 * the family view. The index's tables come from the Flyway migrations, so everything here waits for Flyway.
 */
@Configuration(proxyBeanMethods = false)
public class MatchingConfiguration {

    @Bean
    @DependsOn("flywayInitializer")
    IndexTermFrequencies indexTermFrequencies(DataSource dataSource) {
        return new IndexTermFrequencies(dataSource);
    }

    /** The shipped settings, or the file {@code hub.matching.settings} names (what {@code link --save-settings} wrote). */
    @Bean
    MatchSettings matchSettings(@Value("${hub.matching.settings:}") String file) {
        return file == null || file.isBlank() ? MatchSettings.standard() : MatchSettings.load(Path.of(file.strip()));
    }

    /**
     * The index decides each arriving record by {@link org.earlyhelp.hub.matching.engine.LinkRule} on these settings
     * ({@link PersonIndex} reads the prior for its size), as {@code link} does; household rules on.
     */
    @Bean
    PairMatcher pairMatcher(MatchSettings settings, IndexTermFrequencies frequencies) {
        return new StandardMatcher(settings, frequencies);
    }

    @Bean
    PersonIndex personIndex(DataSource dataSource, PairMatcher matcher, IndexTermFrequencies frequencies, Clock clock) {
        // The resolve step is replayed from Kafka until its batch's ledger entries are committed synchronously (which
        // flushes the resolutions' WAL too), so resolutions need not wait for the disk themselves.
        return new PersonIndex(dataSource, matcher, frequencies, clock, false);
    }

    @Bean
    ConsentRegister consentRegister(DataSource dataSource) {
        MergeLineage lineage = new MergeLineage(dataSource);
        return new ConsentRegister(dataSource, lineage::of);
    }

    @Bean
    RelationshipRegister relationshipRegister(DataSource dataSource) {
        return new RelationshipRegister(dataSource);
    }

    @Bean
    FamilyGraph familyGraph(DataSource dataSource) {
        return new FamilyGraph(dataSource);
    }

    @Bean
    RecordStore recordStore(
            DataSource dataSource,
            org.earlyhelp.hub.governance.minimise.AtRestMinimiser atRest,
            org.earlyhelp.hub.schema.codec.RecordCodec codec) {
        return new RecordStore(dataSource, atRest, codec);
    }

    @Bean(destroyMethod = "close")
    RecordResolver recordResolver(
            PersonIndex index,
            RecordStore store,
            RelationshipRegister relationships,
            org.earlyhelp.hub.connector.api.Connectors connectors,
            @Value("${hub.matching.resolve-parallelism:8}") int parallelism) {
        RecordResolver.Partners partners = new RecordResolver.Partners(
                connectors.payloadTypes(),
                new org.earlyhelp.hub.governance.relationship.RelationshipRules(connectors.relationships()),
                connectors.personLinks(),
                connectors.educationProviders());
        return new RecordResolver(index, store, relationships, partners, parallelism);
    }

    @Bean
    FamilyViewService familyViewService(
            PersonIndex index,
            FamilyGraph families,
            RecordStore store,
            RecordCodec codec,
            PolicyDecisionPoint pdp,
            Pseudonymiser pseudonymiser,
            SubjectKey subjectKey,
            DisclosureLedger ledger,
            ConsentRegister consents,
            RelationshipRegister relationships,
            FieldCatalogue catalogue,
            Clock clock) {
        return new FamilyViewService(
                index,
                families,
                store,
                codec,
                pdp,
                new Minimiser(pseudonymiser),
                catalogue,
                subjectKey,
                ledger,
                consents,
                relationships,
                clock);
    }
}
