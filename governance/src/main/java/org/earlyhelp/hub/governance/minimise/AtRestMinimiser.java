package org.earlyhelp.hub.governance.minimise;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.schema.HubRecord;

/**
 * Minimisation at rest: what no agreement could ever release is not kept. Before a record is written to Kafka or the
 * record store, every payload field that no agreement that {@link RecordRetention#couldRelease could release} records
 * of its provider and type names (the officer's free-text notes, clinical notes, pastoral notes) is emptied: a
 * nullable field becomes null, a text field empty, a list empty. Derived from the agreements and the {@link
 * FieldCatalogue}, so a new agreement naming a field keeps it from then on.
 *
 * <p>Kept whatever the agreements say: the people (names, dates of birth, addresses and identifiers are how the hub
 * resolves a person, not what it releases; releases are minimised again per recipient), fields that are not free
 * values (numbers, dates, flags, places), and {@link #KEPT} (the provider's own reference, which makes a retried post
 * the same incident, the relationships, which join people in the person index, and what establishes a legitimate
 * relationship), and any field its payload schema marks {@code "hub.keep": true}.
 */
public final class AtRestMinimiser {

    /**
     * Payload fields the hub itself needs, released or not: the provider's reference, the relationships, and what
     * establishes or ends a legitimate relationship ({@code RelationshipRules}: a case's status and lead practitioner,
     * a health team, the school URN and pupils of a roll record).
     */
    static final Set<String> KEPT =
            Set.of("reference", "relationships", "status", "leadPractitioner", "team", "schoolUrn", "pupil");

    private final Supplier<List<Agreement>> agreements;
    private final FieldCatalogue catalogue;
    private final Clock clock;

    public AtRestMinimiser(Supplier<List<Agreement>> agreements, FieldCatalogue catalogue, Clock clock) {
        this.agreements = agreements;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** The payload field paths some agreement could release for records of this provider and type. */
    public Set<String> releasable(String provider, String type) {
        LocalDate today = LocalDate.now(clock);
        Set<String> paths = new HashSet<>();
        for (Agreement a : agreements.get()) {
            if (a.provider().equals(provider)
                    && a.appliesTo().type().equals(type)
                    && RecordRetention.couldRelease(a, today)) {
                a.fields().forEach((path, rule) -> {
                    if (rule.action() != org.earlyhelp.hub.governance.agreement.FieldRule.Action.DROP) {
                        paths.add(path);
                    }
                });
            }
        }
        return paths;
    }

    /** The record without what no agreement could release; the same instance when there was nothing to remove. */
    public HubRecord minimise(HubRecord record) {
        FieldCatalogue.PayloadType type = catalogue.payloadType(record.getType());
        if (type == null) {
            return record;
        }
        org.apache.avro.generic.GenericRecord payload =
                catalogue.payloads().decode(record.getType(), record.getPayload());
        Set<String> releasable = releasable(record.getProvider(), record.getType());
        org.apache.avro.generic.GenericRecord copy = null;
        for (Schema.Field f : type.schema().getFields()) {
            Object value = payload.get(f.pos());
            if (kept(f) || releasable.contains(pathOf(type, f)) || isEmpty(value)) {
                continue;
            }
            Object emptied = emptied(f.schema());
            if (emptied == NOT_EMPTIABLE) {
                continue;
            }
            if (copy == null) {
                copy = SpecificData.getForSchema(type.schema()).deepCopy(type.schema(), payload);
            }
            copy.put(f.pos(), emptied);
        }
        if (copy == null) {
            return record;
        }
        return HubRecord.newBuilder(record)
                .setPayload(org.earlyhelp.hub.schema.payload.Payloads.encode(copy))
                .build();
    }

    /**
     * Whether the hub itself needs the field: one of {@link #KEPT}, or marked {@code "hub.keep": true} in its payload
     * schema by the connector that registers it (a consent's basis, scope and signed reference, which the consent
     * register reads later, released or not).
     */
    static boolean kept(Schema.Field f) {
        return KEPT.contains(f.name()) || Boolean.TRUE.equals(f.getObjectProp("hub.keep"));
    }

    private static String pathOf(FieldCatalogue.PayloadType type, Schema.Field f) {
        String subjectField = f.getProp("hub.subjectField");
        return type.prefix() + "." + (subjectField != null ? subjectField : FieldCatalogue.kebab(f.name()));
    }

    private static final Object NOT_EMPTIABLE = new Object();

    private static Object emptied(Schema schema) {
        return switch (schema.getType()) {
            case UNION ->
                schema.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL) ? null : NOT_EMPTIABLE;
            case STRING -> "";
            case ARRAY -> List.of();
            default -> NOT_EMPTIABLE;
        };
    }

    private static boolean isEmpty(Object value) {
        return value == null
                || (value instanceof CharSequence s && s.length() == 0)
                || (value instanceof java.util.Collection<?> c && c.isEmpty());
    }
}
