package org.earlyhelp.hub.connector.health.fhir;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.earlyhelp.hub.connector.api.Connectors;
import org.earlyhelp.hub.connector.health.HealthConnector;
import org.earlyhelp.hub.schema.payload.PayloadTypes;

/** What the FHIR tests share: a fixed clock, the health connector's payload types, outcome descriptions. */
final class FhirTestSupport {

    /** Today is 2026-12-01 for every FHIR test. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    static final PayloadTypes PAYLOADS = new Connectors(List.of(new HealthConnector())).payloadTypes();

    private FhirTestSupport() {}

    /** {@code records}, {@code consent}, or {@code rejected <code> <expression>} of the first problem. */
    static String describe(FhirOutcome outcome) {
        if (outcome instanceof FhirOutcome.Records) {
            return "records";
        }
        if (outcome instanceof FhirOutcome.Consent) {
            return "consent";
        }
        FhirProblem first = ((FhirOutcome.Rejected) outcome).problems().get(0);
        return "rejected " + first.code() + " " + first.expression();
    }
}
