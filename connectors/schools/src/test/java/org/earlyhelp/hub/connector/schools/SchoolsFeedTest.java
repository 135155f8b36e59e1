package org.earlyhelp.hub.connector.schools;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.earlyhelp.hub.connector.schools.inbound.AttendanceRequest;
import org.earlyhelp.hub.connector.schools.inbound.SchoolsRecordReader;
import org.earlyhelp.hub.simulator.partners.PartnerFeed;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;
import org.junit.jupiter.api.Test;

class SchoolsFeedTest {

    final SchoolsRecordReader reader =
            new SchoolsRecordReader(Validation.buildDefaultValidatorFactory().getValidator());

    @Test
    void theSimulatedEducationServicePostsAttendanceTheSchoolsEndpointAcceptsForEachChildsOwnSchool() throws Exception {
        SyntheticPopulation population = SyntheticPopulation.generate(3, 50);
        Iterator<PartnerFeed.Post> posts =
                new SchoolsConnector().simulation().orElseThrow().posts(population, 3);

        for (int i = 0; i < 200; i++) {
            PartnerFeed.Post post = posts.next();
            AttendanceRequest body =
                    reader.attendance(new ByteArrayInputStream(post.json().getBytes(StandardCharsets.UTF_8)));
            assertThat(post.path()).isEqualTo("/api/schools/attendance");
            assertThat(body.attendance().schoolUrn())
                    .isEqualTo(body.people().get(0).schoolUrn())
                    .isNotNull();
            assertThat(body.attendance().sessionsAttended())
                    .isBetween(0, body.attendance().sessionsPossible());
        }
    }
}
