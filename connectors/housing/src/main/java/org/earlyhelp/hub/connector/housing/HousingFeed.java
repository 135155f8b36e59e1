package org.earlyhelp.hub.connector.housing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Random;
import org.earlyhelp.hub.simulator.partners.PartnerFeed;
import org.earlyhelp.hub.simulator.population.Family;
import org.earlyhelp.hub.simulator.population.Member;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;

/**
 * Chesterfield Homes as the simulator plays it: about a third of the population's families with a UPRN are its
 * tenants. Each is first reported as a tenancy; on later rounds the same household turns up in arrears, served a
 * notice, facing eviction, applying as homeless or placed in temporary accommodation, each a realistic post of
 * {@code /api/housing/<type>}. Housing's own spelling differs from the other partners' now and then (surnames in
 * capitals, no NHS number for adults), as real feeds do.
 */
final class HousingFeed implements PartnerFeed {

    static final String TOKEN = "housing-dev-token";
    static final String LANDLORD = "chesterfield-homes";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public String partner() {
        return HousingConnector.PARTNER;
    }

    @Override
    public String token() {
        return TOKEN;
    }

    @Override
    public Iterator<Post> posts(SyntheticPopulation population, long seed) {
        List<Family> tenants = population.families().stream()
                .filter(f -> f.address().uprn() != null && Math.floorMod(f.id().hashCode(), 3) == 0)
                .toList();
        Random random = new Random(seed ^ 0x486f7573696e67L);
        return new Iterator<>() {
            long n;

            @Override
            public boolean hasNext() {
                return !tenants.isEmpty();
            }

            @Override
            public Post next() {
                if (tenants.isEmpty()) {
                    throw new NoSuchElementException();
                }
                Family family = tenants.get((int) (n % tenants.size()));
                long round = n / tenants.size();
                n++;
                return post(family, round, random, LocalDate.now(ZoneOffset.UTC));
            }
        };
    }

    static Post post(Family family, long round, Random random, LocalDate today) {
        String tenancyRef = "CH/TEN/" + family.id();
        ObjectNode body = NODES.objectNode();
        body.set("people", people(family, random));
        HousingRecordType type =
                round == 0 ? HousingRecordType.TENANCY : HousingRecordType.values()[1 + random.nextInt(5)];
        ObjectNode fact = body.putObject(type.bodyKey());
        String uprn = family.address().uprn();
        long day = round % 365;
        switch (type) {
            case TENANCY -> {
                fact.put("reference", tenancyRef).put("uprn", uprn);
                fact.put(
                        "startDate",
                        today.minusDays(200 + Math.floorMod(family.id().hashCode(), 3000))
                                .toString());
                fact.put("tenure", random.nextInt(4) == 0 ? "STARTER" : "SECURE")
                        .put("provider", LANDLORD);
            }
            case RENT_ARREARS -> {
                fact.put("reference", tenancyRef)
                        .put("uprn", uprn)
                        .put("asOf", today.minusDays(day).toString());
                fact.put("weeks", 1 + random.nextInt(16)).put("noticeAttached", random.nextInt(4) == 0);
            }
            case NOTICE -> {
                boolean s21 = random.nextBoolean();
                LocalDate served = today.minusDays(day);
                fact.put("reference", "CH/NSP/" + family.id() + "/" + round).put("uprn", uprn);
                fact.put("noticeType", s21 ? "SECTION_21" : "SECTION_8").put("servedOn", served.toString());
                fact.put("expiresOn", served.plusDays(s21 ? 60 : 14).toString());
            }
            case EVICTION -> {
                fact.put("reference", "CH/EVI/" + family.id() + "/" + round).put("uprn", uprn);
                fact.put("evictionDate", today.plusDays(28).toString()).put("status", "SCHEDULED");
            }
            case HOMELESSNESS_APPLICATION -> {
                fact.put("reference", "HOP/" + family.id() + "/" + round).put("uprn", uprn);
                fact.put("appliedOn", today.minusDays(day).toString());
                fact.put("duty", random.nextBoolean() ? "PREVENTION" : "RELIEF").put("status", "OWED");
            }
            case TEMPORARY_ACCOMMODATION -> {
                fact.put("reference", "TA/" + family.id() + "/" + round).put("uprn", "100030" + (100000 + day));
                fact.put("since", today.minusDays(day).toString()).put("accommodationType", "BED_AND_BREAKFAST");
                fact.put("outOfArea", random.nextInt(5) == 0);
            }
        }
        return new Post("/api/housing/" + type.plural(), body.toString());
    }

    private static ArrayNode people(Family family, Random random) {
        ArrayNode people = NODES.arrayNode();
        boolean capitals = random.nextInt(5) == 0;
        int i = 0;
        for (Member m : family.members()) {
            ObjectNode p = people.addObject();
            p.put("ref", (m.isChild() ? "c" : "a") + (++i));
            p.put("role", m.isChild() ? "CHILD" : "PARENT");
            p.put("givenName", m.givenName());
            p.put("familyName", capitals ? m.familyName().toUpperCase(Locale.ROOT) : m.familyName());
            p.put("dateOfBirth", m.dateOfBirth().toString());
            p.put("sex", m.sex().name());
            if (m.nhsNumber() != null && (m.isChild() || random.nextInt(10) < 3)) {
                p.put("nhsNumber", m.nhsNumber());
            }
            if (!m.isChild()) {
                ObjectNode a = p.putObject("address");
                ArrayNode lines = a.putArray("lines");
                family.address().lines().forEach(lines::add);
                a.put("postcode", family.address().postcode());
            }
        }
        return people;
    }
}
