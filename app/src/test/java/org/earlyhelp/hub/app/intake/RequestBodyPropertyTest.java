package org.earlyhelp.hub.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.earlyhelp.hub.app.matching.PersonIndexController;
import org.earlyhelp.hub.app.web.DirectoryController;
import org.earlyhelp.hub.app.web.LedgerController;
import org.earlyhelp.hub.connector.api.HostileJson;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.connector.api.StrictJsonReader;

/**
 * 10,000 hostile bodies for each of the other request types (consent, directory, ledger person search, review
 * decision, split): the strict reader reads each or rejects it with its own rejection, quoting nothing sent.
 */
class RequestBodyPropertyTest {

    static final String CONSENT =
            "{\"record\": \"3f0c\", \"person\": \"c\", \"agreement\": \"health-to-casesystem-family-view\","
                    + " \"given\": true}";
    static final String DIRECTORY = "{\"name\": \"Test Primary\", \"endpoint\": \"http://localhost:9099/encompass\"}";
    static final String PERSON_QUERY =
            "{\"givenName\": \"Zephyrine\", \"familyName\": \"Quillfeather\", \"dateOfBirth\": \"2013-07-19\"}";
    static final String DECISION = "{\"decision\": \"SAME_PERSON\", \"reviewer\": \"A. Reviewer\"}";
    static final String SPLIT =
            "{\"recordKeys\": [\"schools/1#p\"], \"reason\": \"another child\", \"reviewer\": \"A. Reviewer\"}";

    final StrictJsonReader reader =
            new StrictJsonReader(Validation.buildDefaultValidatorFactory().getValidator());

    @Property(tries = 10_000)
    void hostileDirectoryEntryIsReadOrRejected(@ForAll("directories") String body) {
        readOrReject(body, DirectoryController.Registration.class);
    }

    @Property(tries = 10_000)
    void hostilePersonSearchIsReadOrRejected(@ForAll("personQueries") String body) {
        readOrReject(body, LedgerController.PersonQuery.class);
    }

    @Property(tries = 10_000)
    void hostileReviewDecisionIsReadOrRejected(@ForAll("decisions") String body) {
        readOrReject(body, PersonIndexController.DecisionRequest.class);
    }

    @Property(tries = 10_000)
    void hostileSplitIsReadOrRejected(@ForAll("splits") String body) {
        readOrReject(body, PersonIndexController.SplitRequest.class);
    }

    private void readOrReject(String body, Class<?> type) {
        try {
            assertThat(reader.read(body.getBytes(StandardCharsets.UTF_8), type)).isNotNull();
        } catch (RequestRejected e) {
            assertThat(e.errors()).isNotEmpty();
            assertThat(e.errors().toString() + e.getMessage()).doesNotContain(HostileJson.MARKERS);
        }
    }

    @Provide
    Arbitrary<String> directories() {
        return HostileJson.bodies(DIRECTORY);
    }

    @Provide
    Arbitrary<String> personQueries() {
        return HostileJson.bodies(PERSON_QUERY);
    }

    @Provide
    Arbitrary<String> decisions() {
        return HostileJson.bodies(DECISION);
    }

    @Provide
    Arbitrary<String> splits() {
        return HostileJson.bodies(SPLIT);
    }
}
