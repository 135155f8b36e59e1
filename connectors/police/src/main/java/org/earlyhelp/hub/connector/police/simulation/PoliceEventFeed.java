package org.earlyhelp.hub.connector.police.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.earlyhelp.hub.simulator.partners.PartnerFeed;
import org.earlyhelp.hub.simulator.population.Family;
import org.earlyhelp.hub.simulator.population.Member;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;

/**
 * The simulated force's other events, drawn from the one population so the same children appear in the schools' and
 * the case system's data: a missing episode as its three steps (reported, found, return interview offered), anti-social
 * behaviour, and youth offending outcomes for children aged ten or more (the age of criminal responsibility). Each
 * event is stamped a little before it is posted, so none is in the future. (Incidents are the simulator's own feed.)
 */
public final class PoliceEventFeed implements PartnerFeed {

    static final String TOKEN = "police-dev-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String partner() {
        return "police";
    }

    @Override
    public String token() {
        return TOKEN;
    }

    @Override
    public Iterator<Post> posts(SyntheticPopulation population, long seed) {
        Random random = new Random(seed ^ 0x5A17L);
        List<Family> families = population.families().stream()
                .filter(f -> !f.children().isEmpty())
                .toList();
        Deque<Post> queued = new ArrayDeque<>();
        // a run of its own, so a restarted hub's feed never reuses an earlier run's references for other events
        String run = Long.toHexString(System.currentTimeMillis() / 1000);
        return new Iterator<>() {
            long n;

            @Override
            public boolean hasNext() {
                return !families.isEmpty();
            }

            @Override
            public Post next() {
                if (queued.isEmpty()) {
                    Family family = families.get(random.nextInt(families.size()));
                    Member child = family.children()
                            .get(random.nextInt(family.children().size()));
                    LocalDate today = LocalDate.now();
                    if (!child.dateOfBirth().isBefore(today)) {
                        return next();
                    }
                    String reference = "SIM/" + run + "/" + (n++);
                    int kind = random.nextInt(3);
                    if (kind == 0) {
                        for (String step : List.of("REPORTED_MISSING", "FOUND", "RETURN_INTERVIEW_OFFERED")) {
                            queued.add(
                                    new Post("/api/police/missing-episodes", missing(reference, step, family, child)));
                        }
                    } else if (kind == 1 || child.ageOn(today) < 10) {
                        queued.add(new Post("/api/police/anti-social-behaviour", asb(reference, family, child)));
                    } else {
                        queued.add(new Post("/api/police/youth-offending", youth(reference, family, child)));
                    }
                }
                return queued.poll();
            }

            private ObjectNode base(String reference, Family family, Member child) {
                ObjectNode body = JSON.createObjectNode();
                body.put("reference", reference);
                body.put(
                        "occurredAt",
                        Instant.now()
                                .minus(1 + random.nextInt(600), ChronoUnit.MINUTES)
                                .toString());
                ArrayNode people = body.putArray("people");
                ObjectNode c = people.addObject();
                c.put("ref", "c1");
                c.put("role", "CHILD");
                c.put("givenName", child.givenName());
                c.put("familyName", child.familyName());
                c.put("dateOfBirth", child.dateOfBirth().toString());
                c.put("sex", child.sex().name());
                if (child.nhsNumber() != null) {
                    c.put("nhsNumber", child.nhsNumber());
                }
                if (child.schoolUrn() != null) {
                    c.put("schoolUrn", child.schoolUrn());
                }
                ObjectNode address = c.putObject("address");
                address.put("postcode", family.address().postcode());
                if (family.address().uprn() != null) {
                    address.put("uprn", family.address().uprn());
                }
                return body;
            }

            private String missing(String reference, String step, Family family, Member child) {
                ObjectNode body = base(reference, family, child);
                body.put("event", step);
                if (step.equals("REPORTED_MISSING")) {
                    body.put("riskLevel", List.of("LOW", "MEDIUM", "HIGH").get(random.nextInt(3)));
                }
                return body.toString();
            }

            private String asb(String reference, Family family, Member child) {
                ObjectNode body = base(reference, family, child);
                body.put(
                        "category",
                        List.of("PERSONAL", "NUISANCE", "ENVIRONMENTAL").get(random.nextInt(3)));
                body.put(
                        "action",
                        List.of("NONE", "WARNING_LETTER", "ACCEPTABLE_BEHAVIOUR_CONTRACT")
                                .get(random.nextInt(3)));
                return body.toString();
            }

            private String youth(String reference, Family family, Member child) {
                ObjectNode body = base(reference, family, child);
                String outcome = List.of("COMMUNITY_RESOLUTION", "YOUTH_CAUTION", "REFERRAL_ORDER")
                        .get(random.nextInt(3));
                body.put("outcome", outcome);
                if (outcome.equals("REFERRAL_ORDER")) {
                    ObjectNode yj = body.putObject("youthJustice");
                    yj.put("team", "Chesterfield Youth Justice");
                    yj.put("since", LocalDate.now().minusDays(1).toString());
                }
                return body.toString();
            }
        };
    }
}
