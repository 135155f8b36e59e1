package org.earlyhelp.hub.analytics.criteria;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.earlyhelp.hub.governance.minimise.FieldCatalogue;
import org.earlyhelp.hub.schema.Person;

/**
 * What the criteria lint checks names against: the record types the connectors register, the field paths of each
 * (derived from their Avro schemas through the {@link FieldCatalogue}, so criteria and records cannot drift) with the
 * kind of value each holds, and the person roles.
 */
public final class CriteriaVocabulary {

    /** What a field holds, which decides the tests that make sense of it. */
    public enum Kind {
        NUMBER,
        BOOLEAN,
        DATE,
        TEXT,
        LIST,
        OTHER
    }

    private final Map<String, Map<String, Kind>> fields = new LinkedHashMap<>();
    private final Set<String> roles = new LinkedHashSet<>();
    private java.util.function.Predicate<String> kept = type -> true;

    private CriteriaVocabulary() {}

    public static CriteriaVocabulary of(FieldCatalogue catalogue) {
        CriteriaVocabulary v = new CriteriaVocabulary();
        for (String role : Person.getClassSchema().getField("role").schema().getEnumSymbols()) {
            v.roles.add(FieldCatalogue.kebab(role));
        }
        Map<String, Kind> person = new LinkedHashMap<>();
        person.put("name", Kind.TEXT);
        for (Schema.Field f : Person.getClassSchema().getFields()) {
            if (!List.of("ref", "role", "givenName", "familyName").contains(f.name())) {
                person.put(FieldCatalogue.kebab(f.name()), kind(f.schema()));
            }
        }
        for (String type : catalogue.types()) {
            FieldCatalogue.PayloadType t = catalogue.payloadType(type);
            Map<String, Kind> paths = new LinkedHashMap<>();
            for (String role : v.roles) {
                person.forEach((field, kind) -> paths.put(role + "." + field, kind));
            }
            for (Schema.Field f : t.schema().getFields()) {
                String subjectField = f.getProp("hub.subjectField");
                if (subjectField != null) {
                    paths.put(t.prefix() + "." + subjectField, Kind.BOOLEAN);
                } else {
                    paths.put(t.prefix() + "." + FieldCatalogue.kebab(f.name()), kind(f.schema()));
                }
            }
            v.fields.put(type, paths);
        }
        return v;
    }

    /**
     * The same vocabulary, knowing which record types the hub keeps: a type no agreement in force covers is not held
     * (the retention purge removes it), so an indicator reading it would find nothing, which the lint warns of.
     */
    public CriteriaVocabulary keeping(java.util.function.Predicate<String> keptType) {
        CriteriaVocabulary v = new CriteriaVocabulary();
        v.fields.putAll(fields);
        v.roles.addAll(roles);
        v.kept = keptType;
        return v;
    }

    /** Whether the hub keeps records of this type under some agreement. */
    public boolean kept(String type) {
        return kept.test(type);
    }

    public Set<String> types() {
        return fields.keySet();
    }

    public Set<String> roles() {
        return roles;
    }

    /** The field paths of a type with their kinds; empty for a type no connector registers. */
    public Map<String, Kind> fieldsOf(String type) {
        return fields.getOrDefault(type, Map.of());
    }

    private static Kind kind(Schema schema) {
        if (schema.getType() == Schema.Type.UNION) {
            for (Schema branch : schema.getTypes()) {
                if (branch.getType() != Schema.Type.NULL) {
                    return kind(branch);
                }
            }
            return Kind.OTHER;
        }
        if (schema.getLogicalType() instanceof LogicalTypes.Date
                || schema.getLogicalType() instanceof LogicalTypes.TimestampMillis
                || schema.getLogicalType() instanceof LogicalTypes.TimestampMicros) {
            return Kind.DATE;
        }
        return switch (schema.getType()) {
            case INT, LONG, FLOAT, DOUBLE -> Kind.NUMBER;
            case BOOLEAN -> Kind.BOOLEAN;
            case STRING, ENUM -> Kind.TEXT;
            case ARRAY -> Kind.LIST;
            default -> Kind.OTHER;
        };
    }
}
