package org.earlyhelp.hub.simulator.partners;

import java.util.Iterator;
import java.util.Objects;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;

/**
 * What one partner's simulated system posts to the hub: an endless stream of requests drawn from the population,
 * with the development credential of the organisation it plays. A connector provides one for its partner.
 */
public interface PartnerFeed {

    /** The partner kind, for the log and the console. */
    String partner();

    /** The development credential the simulated system posts with (embedded run only). */
    String token();

    /** The requests, drawn from {@code population} with a generator seeded by {@code seed}. */
    Iterator<Post> posts(SyntheticPopulation population, long seed);

    /** One request: a path on the hub and its JSON body. */
    record Post(String path, String json) {
        public Post {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(json, "json");
        }
    }
}
