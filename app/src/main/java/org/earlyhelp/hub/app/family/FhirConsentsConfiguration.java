package org.earlyhelp.hub.app.family;

import java.time.Clock;
import org.earlyhelp.hub.governance.consent.ConsentRegister;
import org.earlyhelp.hub.governance.decision.PolicyDecisionPoint;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.SubjectKey;
import org.earlyhelp.hub.governance.relationship.RelationshipRegister;
import org.earlyhelp.hub.matching.index.PersonIndex;
import org.earlyhelp.hub.routes.resolve.RecordStore;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Gives health's FHIR intake the consent register, through the same recorder {@code /api/consent} uses. */
@Configuration(proxyBeanMethods = false)
public class FhirConsentsConfiguration {

    @Bean
    FhirConsents fhirConsents(
            PersonIndex index,
            RecordStore store,
            RecordCodec codec,
            PolicyDecisionPoint pdp,
            RelationshipRegister relationships,
            ConsentRegister consents,
            DisclosureLedger ledger,
            SubjectKey subjectKey,
            Clock clock) {
        return new FhirConsents(
                new ConsentRecorder(index, store, codec, pdp, relationships, consents, ledger, subjectKey, clock));
    }
}
