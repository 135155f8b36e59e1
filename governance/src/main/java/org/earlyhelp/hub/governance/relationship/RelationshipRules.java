package org.earlyhelp.hub.governance.relationship;

import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;

/**
 * Which relationships a record establishes or ends, asking the {@link RelationshipSource} its partner's connector
 * declared. Only a record carrying its provider organisation (set from the credential) of the record's own partner
 * kind counts; a partner no connector declares establishes nothing.
 */
public final class RelationshipRules {

    private final Map<String, RelationshipSource> byPartner;

    /** @param byPartner the source of each partner kind whose records establish relationships */
    public RelationshipRules(Map<String, RelationshipSource> byPartner) {
        this.byPartner = Map.copyOf(byPartner);
    }

    public List<RelationshipAssertion> of(HubRecord record, GenericRecord payload) {
        String organisation = record.getProviderOrganisation();
        if (organisation == null || !organisation.startsWith(record.getProvider() + ":")) {
            return List.of();
        }
        RelationshipSource source = byPartner.get(record.getProvider());
        return source == null ? List.of() : List.copyOf(source.of(record, payload));
    }

    /** Whether free text names someone (a lead practitioner, a team): two characters or more after trimming. */
    public static boolean named(String text) {
        return text != null && text.strip().length() >= 2;
    }

    /** The assertion that the record's provider organisation holds (or ends) {@code kind} with {@code person}. */
    public static RelationshipAssertion assertion(
            HubRecord record, RelationshipKind kind, Person person, String detail, boolean closing) {
        String recordKey = record.getProvider() + "/" + record.getRecordId() + "#" + person.getRef();
        return new RelationshipAssertion(
                record.getProviderOrganisation(), kind, recordKey, record.getRecordId(), detail, closing);
    }
}
