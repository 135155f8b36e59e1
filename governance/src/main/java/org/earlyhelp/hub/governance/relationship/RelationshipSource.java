package org.earlyhelp.hub.governance.relationship;

import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.earlyhelp.hub.schema.HubRecord;

/**
 * Which relationships one partner's records establish or end (a pupil on a school's own roll, an open involvement, a
 * tenancy), declared by that partner's connector. {@link RelationshipRules} calls it only for a record whose provider
 * organisation (set from the credential) is of the connector's partner kind, so a source never sees another
 * partner's records.
 */
@FunctionalInterface
public interface RelationshipSource {

    RelationshipSource NONE = (record, payload) -> List.of();

    /**
     * @param payload the record's decoded payload (the generated class of its registered schema)
     */
    List<RelationshipAssertion> of(HubRecord record, GenericRecord payload);
}
