package org.earlyhelp.hub.connector.police.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.earlyhelp.hub.connector.police.events.AntiSocialBehaviourRequest;
import org.earlyhelp.hub.connector.police.events.MissingEpisodeRequest;
import org.earlyhelp.hub.connector.police.events.PoliceEventReader;
import org.earlyhelp.hub.connector.police.events.PoliceEventRequest;
import org.earlyhelp.hub.connector.police.events.YouthOffendingRequest;
import org.earlyhelp.hub.simulator.partners.PartnerFeed;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;
import org.junit.jupiter.api.Test;

class PoliceEventFeedTest {

    static final Map<String, Class<? extends PoliceEventRequest>> TYPES = Map.of(
            "/api/police/missing-episodes", MissingEpisodeRequest.class,
            "/api/police/anti-social-behaviour", AntiSocialBehaviourRequest.class,
            "/api/police/youth-offending", YouthOffendingRequest.class);

    @Test
    void theSimulatedForceIsAWellBehavedPartnerOfEveryKind() throws Exception {
        // Given the feed drawn from the population the embedded run uses
        Clock clock = Clock.systemUTC();
        Iterator<PartnerFeed.Post> posts =
                new PoliceEventFeed().posts(SyntheticPopulation.generate(42L, 400, LocalDate.now(clock)), 7L);
        PoliceEventReader reader =
                new PoliceEventReader(Validation.buildDefaultValidatorFactory().getValidator(), clock);
        Map<String, Integer> seen = new HashMap<>();

        // When 1,000 of its posts are read as the hub reads them, then each is accepted
        for (int i = 0; i < 1_000; i++) {
            PartnerFeed.Post post = posts.next();
            reader.read(new ByteArrayInputStream(post.json().getBytes(StandardCharsets.UTF_8)), TYPES.get(post.path()));
            seen.merge(post.path(), 1, Integer::sum);
        }
        // And every kind of event was posted
        assertThat(seen).containsOnlyKeys(TYPES.keySet());
    }
}
