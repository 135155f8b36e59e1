package org.earlyhelp.hub.connector.schools.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.earlyhelp.hub.connector.api.HostileJson;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.schema.HubRecord;

/**
 * 10,000 hostile bodies (of every type schools and the education service post) through the reader and, when read,
 * the mapper: the reader's rejection is the only exception, it quotes nothing sent, and whatever is read maps.
 */
class SchoolsRecordReaderPropertyTest {

    final SchoolsRecordReader reader =
            new SchoolsRecordReader(Validation.buildDefaultValidatorFactory().getValidator());

    @Property(tries = 10_000)
    void hostileBodyIsReadAndMappedOrRejectedWithoutEchoingAnyValue(@ForAll("bodies") Typed body) throws Exception {
        HubRecord record;
        try {
            record = switch (body.type()) {
                case 0 -> SchoolsRecordMapper.attendance(reader.attendance(in(body)), "r", Instant.EPOCH);
                case 1 -> SchoolsRecordMapper.suspension(reader.suspension(in(body)), "r", Instant.EPOCH);
                case 2 -> SchoolsRecordMapper.exclusion(reader.exclusion(in(body)), "r", Instant.EPOCH);
                case 3 -> SchoolsRecordMapper.missingEducation(reader.missingEducation(in(body)), "r", Instant.EPOCH);
                default -> SchoolsRecordMapper.homeEducation(reader.homeEducation(in(body)), "r", Instant.EPOCH);
            };
        } catch (RequestRejected e) {
            assertThat(e.errors()).isNotEmpty();
            assertThat(e.errors().toString() + e.getMessage()).doesNotContain(HostileJson.MARKERS);
            return;
        }
        assertThat(record.getPeople()).isNotEmpty();
    }

    record Typed(int type, String json) {}

    static ByteArrayInputStream in(Typed body) {
        return new ByteArrayInputStream(body.json().getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<Typed> bodies() {
        String[] valid = {Samples.ATTENDANCE, Samples.SUSPENSION, Samples.EXCLUSION, Samples.MISSING, Samples.HOME};
        return Arbitraries.integers().between(0, 4).flatMap(i -> HostileJson.bodies(marked(valid[i]))
                .map(json -> new Typed(i, json)));
    }

    static String marked(String json) {
        return json.replace("Amelia", "Zephyrine")
                .replace("Hartley", "Quillfeather")
                .replace("2015-03-14", "2013-07-19");
    }
}
