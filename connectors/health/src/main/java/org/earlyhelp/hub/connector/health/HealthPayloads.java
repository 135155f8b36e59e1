package org.earlyhelp.hub.connector.health;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.earlyhelp.hub.schema.HealthInvolvement;
import org.earlyhelp.hub.schema.payload.PayloadType;

/**
 * The {@code health-involvement} payload type as registered: the current schema (with the end, status and FHIR
 * reference an EpisodeOfCare carries) and the first version, which records already on the topics and in the stores
 * were written with. Dropping the first version would make every one of those unreadable.
 */
final class HealthPayloads {

    static final Schema INVOLVEMENT_V1 = load("HealthInvolvement-v1.avsc");

    static final PayloadType INVOLVEMENT = PayloadType.of(HealthInvolvement.getClassSchema(), INVOLVEMENT_V1);

    private HealthPayloads() {}

    private static Schema load(String name) {
        try (InputStream in = HealthPayloads.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + name);
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
