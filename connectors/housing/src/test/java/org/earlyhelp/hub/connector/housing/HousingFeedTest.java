package org.earlyhelp.hub.connector.housing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.earlyhelp.hub.simulator.partners.PartnerFeed;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;
import org.junit.jupiter.api.Test;

class HousingFeedTest {

    @Test
    void everySimulatedPostIsOneTheHubAcceptsAndEveryTypeTurnsUp() {
        // Given the simulated housing provider over a small population
        SyntheticPopulation population = SyntheticPopulation.generate(7, 300);
        PartnerFeed feed = new HousingConnector().simulation().orElseThrow();
        Iterator<PartnerFeed.Post> posts = feed.posts(population, 7);

        // When a thousand posts are read as the hub reads them
        Set<HousingRecordType> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            PartnerFeed.Post post = posts.next();
            HousingRecordType type = HousingRecordType.ofPlural(post.path().substring("/api/housing/".length()))
                    .orElseThrow();
            // Then each passes the strict reader and every check, as a real provider's post must
            HousingSamples.read(type, post.json());
            seen.add(type);
        }
        assertThat(seen).containsExactlyInAnyOrder(HousingRecordType.values());
        assertThat(feed.token()).isEqualTo("housing-dev-token");
    }
}
