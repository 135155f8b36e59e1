package org.earlyhelp.hub.connector.casesystem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.earlyhelp.hub.simulator.partners.PartnerFeed;
import org.earlyhelp.hub.simulator.population.Family;
import org.earlyhelp.hub.simulator.population.Member;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;

/**
 * What the simulated case system posts in the embedded run, drawn from the one synthetic population: for a family
 * with children, an open early-help involvement (its lead practitioner, level of need and the parents' relationships
 * to the children), now and then a step up to social care, a step down, or the involvement closing. Names come in
 * the case system's own way: family names in capitals now and then, as case systems often hold them.
 */
final class CaseSystemFeed implements PartnerFeed {

    static final String TOKEN = "casesystem-dev-token";
    private static final List<String> TEAMS =
            List.of("Family Support Team North", "Family Support Team South", "Early Help Hub Chesterfield");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String partner() {
        return CaseSystemConnector.PARTNER;
    }

    @Override
    public String token() {
        return TOKEN;
    }

    @Override
    public Iterator<Post> posts(SyntheticPopulation population, long seed) {
        List<Family> families = population.families().stream()
                .filter(f -> !f.children().isEmpty() && !f.adults().isEmpty())
                .toList();
        Random random = new Random(seed ^ 0x6361736573797374L);
        LocalDate today = population.asOf();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !families.isEmpty();
            }

            @Override
            public Post next() {
                Family family = families.get(random.nextInt(families.size()));
                int roll = random.nextInt(10);
                if (roll == 0) {
                    return referral(family, "STEP_UP", 4, today.minusDays(random.nextInt(30)), random);
                }
                if (roll == 1) {
                    return referral(
                            family, "STEP_DOWN", 2 + random.nextInt(2), today.minusDays(random.nextInt(30)), random);
                }
                boolean closing = roll == 2;
                return involvement(family, closing, today, random);
            }
        };
    }

    private static Post involvement(Family family, boolean closing, LocalDate today, Random random) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("caseType", "early-help");
        c.put("status", closing ? "closed" : "open");
        LocalDate opened = today.minusDays(60 + random.nextInt(300));
        c.put("openedOn", opened.toString());
        // the enquiry days before the case opened, support a few weeks after
        c.put("enquiryOn", opened.minusDays(random.nextInt(15)).toString());
        c.put("supportStartedOn", opened.plusDays(random.nextInt(40)).toString());
        if (closing) {
            c.put("closedOn", today.minusDays(random.nextInt(30)).toString());
        }
        c.put("leadPractitioner", TEAMS.get(random.nextInt(TEAMS.size())));
        c.put("levelOfNeed", 2 + random.nextInt(2));
        List<Map<String, String>> relationships = new ArrayList<>();
        for (int a = 0; a < family.adults().size(); a++) {
            for (int k = 0; k < family.children().size(); k++) {
                relationships.add(Map.of("fromRef", "a" + a, "toRef", "c" + k, "kind", "PARENT_OF"));
            }
        }
        c.put("relationships", relationships);
        return post("/api/casesystem/involvements", Map.of("people", people(family, random), "caseInvolvement", c));
    }

    private static Post referral(Family family, String direction, int level, LocalDate on, Random random) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("reference", "SIM-" + direction + "-" + Long.toHexString(random.nextLong() & Long.MAX_VALUE));
        r.put("direction", direction);
        r.put("referredOn", on.toString());
        r.put("reason", direction.equals("STEP_UP") ? "domestic-abuse" : "parenting-support");
        r.put("levelOfNeed", level);
        r.put("referredBy", TEAMS.get(random.nextInt(TEAMS.size())));
        r.put("toTeam", direction.equals("STEP_UP") ? "Front Door" : "Early Help Hub Chesterfield");
        List<String> referred = new ArrayList<>();
        for (int k = 0; k < family.children().size(); k++) {
            referred.add("c" + k);
        }
        r.put("referred", referred);
        return post("/api/casesystem/referrals", Map.of("people", people(family, random), "referral", r));
    }

    private static List<Map<String, Object>> people(Family family, Random random) {
        List<Map<String, Object>> people = new ArrayList<>();
        boolean capitals = random.nextInt(4) == 0;
        for (int a = 0; a < family.adults().size(); a++) {
            people.add(person("a" + a, "PARENT", family.adults().get(a), family, capitals));
        }
        for (int k = 0; k < family.children().size(); k++) {
            people.add(person("c" + k, "CHILD", family.children().get(k), family, capitals));
        }
        return people;
    }

    private static Map<String, Object> person(String ref, String role, Member m, Family family, boolean capitals) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ref", ref);
        p.put("role", role);
        p.put("givenName", m.givenName());
        p.put("familyName", capitals ? m.familyName().toUpperCase(Locale.ROOT) : m.familyName());
        p.put("dateOfBirth", m.dateOfBirth().toString());
        p.put("sex", m.sex().name());
        if (m.nhsNumber() != null) {
            p.put("nhsNumber", m.nhsNumber());
        }
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("lines", family.address().lines());
        address.put("postcode", family.address().postcode());
        if (family.address().uprn() != null) {
            address.put("uprn", family.address().uprn());
        }
        p.put("address", address);
        return p;
    }

    private static Post post(String path, Map<String, Object> body) {
        try {
            return new Post(path, JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialise", e);
        }
    }
}
