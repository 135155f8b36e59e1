package org.earlyhelp.hub.governance.minimise;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.payload.PayloadTypes;

/**
 * The field paths an agreement may name, derived from the Avro schemas so that the two cannot drift: {@code
 * <role>.<person-field>} for every person role (e.g. {@code child.date-of-birth}) and {@code <prefix>.<payload-field>}
 * for each payload type (e.g. {@code incident.place}). Payload schemas carry {@code hub.type} and {@code hub.prefix};
 * a payload field with {@code hub.subjectField} yields a per-subject flag instead of its own value.
 */
public final class FieldCatalogue {

    /** Person fields that are not disclosable on their own. */
    private static final Set<String> PERSON_INTERNAL = Set.of("ref", "role", "givenName", "familyName");

    private final Map<String, PayloadType> payloadTypes = new LinkedHashMap<>();
    private final Set<String> personFields = new LinkedHashSet<>();
    private final Set<String> roles = new LinkedHashSet<>();
    private final PayloadTypes registered;

    /** The catalogue of the payload types the connectors registered. */
    public FieldCatalogue(PayloadTypes registered) {
        this.registered = registered;
        Schema person = Person.getClassSchema();
        for (String role : person.getField("role").schema().getEnumSymbols()) {
            roles.add(kebab(role));
        }
        personFields.add("name");
        for (Schema.Field f : person.getFields()) {
            if (!PERSON_INTERNAL.contains(f.name())) {
                personFields.add(kebab(f.name()));
            }
        }
        for (org.earlyhelp.hub.schema.payload.PayloadType t : registered.all()) {
            payloadTypes.put(t.type(), new PayloadType(t.type(), t.prefix(), t.schema()));
        }
    }

    /** The registered payload types, to decode a record's payload with. */
    public PayloadTypes payloads() {
        return registered;
    }

    /** Payload types the hub knows, e.g. {@code domestic-abuse-incident}. */
    public Set<String> types() {
        return Collections.unmodifiableSet(payloadTypes.keySet());
    }

    /** Every disclosable field path for records of the given payload type; empty for an unknown type. */
    public Set<String> fieldsFor(String type) {
        PayloadType payload = payloadTypes.get(type);
        if (payload == null) {
            return Set.of();
        }
        Set<String> paths = new LinkedHashSet<>();
        for (String role : roles) {
            for (String field : personFields) {
                paths.add(role + "." + field);
            }
        }
        for (Schema.Field f : payload.schema().getFields()) {
            String subjectField = f.getProp("hub.subjectField");
            paths.add(payload.prefix() + "." + (subjectField != null ? subjectField : kebab(f.name())));
        }
        return paths;
    }

    public PayloadType payloadType(String type) {
        return payloadTypes.get(type);
    }

    /** {@code dateOfBirth} and {@code ADULT_VICTIM} become {@code date-of-birth} and {@code adult-victim}. */
    public static String kebab(String name) {
        if (name.equals(name.toUpperCase(Locale.ROOT))) {
            return name.toLowerCase(Locale.ROOT).replace('_', '-');
        }
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    public record PayloadType(String type, String prefix, Schema schema) {}
}
