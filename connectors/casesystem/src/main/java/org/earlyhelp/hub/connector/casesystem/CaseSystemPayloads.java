package org.earlyhelp.hub.connector.casesystem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.earlyhelp.hub.schema.CaseInvolvement;
import org.earlyhelp.hub.schema.payload.PayloadType;

/**
 * The {@code case-involvement} payload type as registered: the current schema, and the first version (before level
 * of need and closing date) and the second (before the enquiry and support dates) that records already on the topics, in the stores and read forward from HubRecord v4
 * were written with. Dropping the first version would make every one of those unreadable.
 */
final class CaseSystemPayloads {

    static final Schema INVOLVEMENT_V1 = load("CaseInvolvement-v1.avsc");

    static final Schema INVOLVEMENT_V2 = load("CaseInvolvement-v2.avsc");

    static final PayloadType INVOLVEMENT =
            PayloadType.of(CaseInvolvement.getClassSchema(), INVOLVEMENT_V1, INVOLVEMENT_V2);

    private CaseSystemPayloads() {}

    private static Schema load(String name) {
        try (InputStream in = CaseSystemPayloads.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + name);
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
