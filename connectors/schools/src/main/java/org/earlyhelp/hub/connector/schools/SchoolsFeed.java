package org.earlyhelp.hub.connector.schools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.earlyhelp.hub.simulator.partners.PartnerFeed;
import org.earlyhelp.hub.simulator.population.Family;
import org.earlyhelp.hub.simulator.population.Member;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;

/**
 * The council's education service as the simulator plays it: the termly attendance return for every school-age
 * child of the population at the child's own school (a roll record, which corroborates the school's roll), now and
 * then with a suspension. The simulated schools' own systems receive Operation Encompass notifications; the
 * education service is the one that sends for every school, as it does in practice.
 */
final class SchoolsFeed implements PartnerFeed {

    static final String TOKEN = "council-dev-token";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public String partner() {
        return SchoolsConnector.EDUCATION_SERVICE_KIND;
    }

    @Override
    public String token() {
        return TOKEN;
    }

    @Override
    public Iterator<Post> posts(SyntheticPopulation population, long seed) {
        List<Member[]> pupils = new ArrayList<>();
        List<Family> families = new ArrayList<>();
        for (Family f : population.families()) {
            for (Member m : f.children()) {
                if (m.schoolUrn() != null) {
                    pupils.add(new Member[] {m});
                    families.add(f);
                }
            }
        }
        Random random = new Random(seed ^ 0x5363686f6f6cL);
        return new Iterator<>() {
            int n;

            @Override
            public boolean hasNext() {
                return !pupils.isEmpty();
            }

            @Override
            public Post next() {
                if (pupils.isEmpty()) {
                    throw new NoSuchElementException();
                }
                int i = n++ % pupils.size();
                return post(families.get(i), pupils.get(i)[0], random, LocalDate.now(ZoneOffset.UTC));
            }
        };
    }

    static Post post(Family family, Member child, Random random, LocalDate today) {
        ObjectNode body = NODES.objectNode();
        ArrayNode people = body.putArray("people");
        ObjectNode p = people.addObject();
        p.put("ref", "p");
        p.put("role", "CHILD");
        p.put("givenName", child.givenName());
        p.put("familyName", child.familyName());
        p.put("dateOfBirth", child.dateOfBirth().toString());
        p.put("sex", child.sex().name());
        p.put("schoolUrn", child.schoolUrn());
        ObjectNode address = p.putObject("address");
        ArrayNode lines = address.putArray("lines");
        family.address().lines().forEach(lines::add);
        address.put("postcode", family.address().postcode());
        ObjectNode attendance = body.putObject("attendance");
        int possible = 120;
        int attended = possible - random.nextInt(random.nextInt(6) == 0 ? 30 : 8);
        attendance.put("schoolUrn", child.schoolUrn());
        attendance.put("term", today.getYear() + (today.getMonthValue() >= 9 ? "-autumn" : "-spring"));
        attendance.put("sessionsPossible", possible);
        attendance.put("sessionsAttended", attended);
        attendance.put("suspensions", random.nextInt(25) == 0 ? 1 : 0);
        return new Post("/api/schools/attendance", body.toString());
    }
}
