package org.earlyhelp.hub.connector.casesystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.earlyhelp.hub.simulator.partners.PartnerFeed;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;
import org.junit.jupiter.api.Test;

/** The simulated case system posts only what its own endpoints accept, drawn from the one population. */
class CaseSystemFeedTest {

    @Test
    void everySimulatedPostIsABodyTheEndpointsAccept() {
        SyntheticPopulation population = SyntheticPopulation.generate(42, 200, Samples.TODAY);
        Iterator<PartnerFeed.Post> posts = new CaseSystemFeed().posts(population, 7);
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            PartnerFeed.Post post = posts.next();
            paths.add(post.path());
            switch (post.path()) {
                case "/api/casesystem/involvements" ->
                    assertThat(Samples.involvement(post.json())).isNotNull();
                case "/api/casesystem/referrals" ->
                    assertThat(Samples.referral(post.json())).isNotNull();
                default -> throw new AssertionError("unexpected path " + post.path());
            }
        }
        assertThat(paths).containsExactlyInAnyOrder("/api/casesystem/involvements", "/api/casesystem/referrals");
        assertThat(new CaseSystemConnector().simulation()).isPresent();
    }
}
