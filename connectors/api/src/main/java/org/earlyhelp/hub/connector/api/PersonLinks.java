package org.earlyhelp.hub.connector.api;

import java.util.List;
import java.util.Objects;
import org.apache.avro.generic.GenericRecord;
import org.earlyhelp.hub.schema.HubRecord;

/**
 * The links between people that a partner's records assert, for the family graph: the case system's recorded
 * relationships, a school's contacts for a pupil, health's related people for a patient. People are named by their
 * ref within the record; the resolve step joins the persons they resolve to.
 */
@FunctionalInterface
public interface PersonLinks {

    PersonLinks NONE = (record, payload) -> List.of();

    List<Link> of(HubRecord record, GenericRecord payload);

    /** {@code fromRef} is {@code kind} of {@code toRef} ({@code PARENT_OF}, {@code SCHOOL_CONTACT_OF}, ...). */
    record Link(String fromRef, String toRef, String kind) {
        public Link {
            Objects.requireNonNull(fromRef, "fromRef");
            Objects.requireNonNull(toRef, "toRef");
            Objects.requireNonNull(kind, "kind");
        }
    }
}
