package org.earlyhelp.hub.connector.health.fhir;

import java.util.List;
import java.util.Objects;
import org.earlyhelp.hub.schema.HubRecord;

/**
 * What one FHIR resource becomes in the hub: canonical records, a consent statement, or a rejection with its
 * reasons. Every resource of the six types the connector reads ends as one of these; none is dropped silently.
 */
public sealed interface FhirOutcome {

    /**
     * The idempotency key of the resource version: {@code <type>/<id>/_history/<versionId>} when the resource carries
     * both, otherwise {@code <type>/sha256:<hex of its canonical JSON>}; a resource seen twice gives the same key.
     */
    String versionKey();

    /**
     * Canonical records. Their {@code recordId} and {@code receivedAt} are placeholders: the intake sets both (copy
     * with {@code HubRecord.newBuilder(r).setRecordId(id).setReceivedAt(at)}), and sets the provider organisation.
     */
    record Records(String versionKey, List<HubRecord> records) implements FhirOutcome {
        public Records {
            Objects.requireNonNull(versionKey, "versionKey");
            records = List.copyOf(records);
            if (records.isEmpty()) {
                throw new IllegalArgumentException("at least one record");
            }
        }
    }

    /** A FHIR Consent, to be recorded as a governed consent event by the hub's consent register. */
    record Consent(String versionKey, ConsentStatement statement) implements FhirOutcome {
        public Consent {
            Objects.requireNonNull(versionKey, "versionKey");
            Objects.requireNonNull(statement, "statement");
        }
    }

    /** Parsed, but cannot be mapped: dead-lettered (poll) or answered as an OperationOutcome (push), with reasons. */
    record Rejected(String versionKey, List<FhirProblem> problems) implements FhirOutcome {
        public Rejected {
            Objects.requireNonNull(versionKey, "versionKey");
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a rejection has at least one reason");
            }
        }
    }
}
