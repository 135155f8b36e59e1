package org.earlyhelp.hub.app.query;

import java.time.Clock;
import org.earlyhelp.hub.connector.health.fhir.FhirMapper;
import org.earlyhelp.hub.governance.decision.PolicyDecisionPoint;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.SubjectKey;
import org.earlyhelp.hub.matching.index.PersonIndex;
import org.earlyhelp.hub.routes.resolve.RecordStore;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Adds {@code Patient/$person-info-query} to the hub's FHIR endpoint. */
@Configuration(proxyBeanMethods = false)
public class PersonInfoQueryConfiguration {

    @Bean
    PersonInfoQuery personInfoQuery(
            PolicyDecisionPoint pdp,
            PersonIndex index,
            RecordStore store,
            RecordCodec codec,
            DisclosureLedger ledger,
            SubjectKey subjectKey,
            FhirMapper mapper,
            Clock clock) {
        return new PersonInfoQuery(pdp, index, store, codec, ledger, subjectKey, mapper, clock);
    }
}
