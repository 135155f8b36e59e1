package org.earlyhelp.hub.governance.minimise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;

/**
 * A record as seen from one subject: every field path of the {@link FieldCatalogue} mapped to its typed value. The
 * subject's own fields appear under their role (a child's as {@code child.*}); other people appear under their roles
 * only if they have a different role, so one child's view never carries a sibling's details.
 */
public final class RecordView {

    private final Map<String, Object> values;

    private RecordView(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** The view of {@code record} about {@code subject}, who must be one of the record's people. */
    public static RecordView of(HubRecord record, Person subject, FieldCatalogue catalogue) {
        FieldCatalogue.PayloadType payloadType = catalogue.payloadType(record.getType());
        if (payloadType == null) {
            throw new IllegalArgumentException("unknown payload type " + record.getType());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        String subjectRole = FieldCatalogue.kebab(subject.getRole().name());
        Map<String, List<Person>> others = new LinkedHashMap<>();
        for (Person p : record.getPeople()) {
            String role = FieldCatalogue.kebab(p.getRole().name());
            if (!role.equals(subjectRole)) {
                others.computeIfAbsent(role, r -> new ArrayList<>()).add(p);
            }
        }
        putPerson(values, subjectRole, subject);
        others.forEach((role, people) -> {
            // several people in one role (two perpetrators): the first is enough to show the shape; none is
            // disclosed unless an agreement names the role
            putPerson(values, role, people.get(0));
        });
        GenericRecord payload = catalogue.payloads().decode(record.getType(), record.getPayload());
        for (Schema.Field f : payloadType.schema().getFields()) {
            String subjectField = f.getProp("hub.subjectField");
            Object value = payload.get(f.name());
            if (subjectField != null) {
                boolean flagged = value instanceof List<?> list
                        && list.stream().anyMatch(v -> v.toString().equals(subject.getRef()));
                values.put(payloadType.prefix() + "." + subjectField, flagged);
            } else if (value != null) {
                values.put(payloadType.prefix() + "." + FieldCatalogue.kebab(f.name()), value);
            }
        }
        return new RecordView(values);
    }

    private static void putPerson(Map<String, Object> values, String role, Person p) {
        String prefix = role + ".";
        values.put(prefix + "name", p.getGivenName() + " " + p.getFamilyName());
        putIfPresent(values, prefix + "nhs-number", p.getNhsNumber());
        putIfPresent(values, prefix + "upn", p.getUpn());
        if (!p.getLocalIds().isEmpty()) {
            values.put(prefix + "local-ids", p.getLocalIds());
        }
        LocalDate dob = p.getDateOfBirth();
        putIfPresent(values, prefix + "date-of-birth", dob);
        putIfPresent(values, prefix + "sex", p.getSex());
        putIfPresent(values, prefix + "address", p.getAddress());
        putIfPresent(values, prefix + "school-urn", p.getSchoolUrn());
    }

    private static void putIfPresent(Map<String, Object> values, String path, Object value) {
        if (value != null) {
            values.put(path, value);
        }
    }

    /** Field path to typed value; absent paths had no value in the record. */
    public Map<String, Object> values() {
        return values;
    }
}
