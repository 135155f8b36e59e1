package org.earlyhelp.hub.connector.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** 10,000 hostile bodies: each is read or rejected by the reader's own rejection, whose errors quote nothing sent. */
class StrictJsonReaderPropertyTest {

    final StrictJsonReader reader =
            new StrictJsonReader(Validation.buildDefaultValidatorFactory().getValidator());

    @Property(tries = 10_000)
    void hostileBodyIsReadOrRejectedWithoutEchoingAnyValue(@ForAll("bodies") String body) {
        try {
            reader.read(body.getBytes(StandardCharsets.UTF_8), Sample.class);
        } catch (RequestRejected e) {
            assertThat(e.errors()).isNotEmpty();
            assertThat(e.errors().toString() + e.getMessage()).doesNotContain(HostileJson.MARKERS);
        }
    }

    @Provide
    Arbitrary<String> bodies() {
        return HostileJson.bodies(StrictJsonReaderTest.VALID);
    }
}
