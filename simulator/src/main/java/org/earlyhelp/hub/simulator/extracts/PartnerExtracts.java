package org.earlyhelp.hub.simulator.extracts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.earlyhelp.hub.simulator.population.Sex;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;

/**
 * The records each partner holds about a {@link SyntheticPopulation}, with ground truth. Who appears where:
 *
 * <ul>
 *   <li>schools: 98% of children, once each;
 *   <li>health: 97% of everyone, 2% of them twice (a temporary registration never merged);
 *   <li>police: 20% of families, 85% of their members, 15% of those twice (separate incidents);
 *   <li>housing: 55% of families, 97% of their adults and 25% of their children;
 *   <li>case system: 30% of families, 95% of their children and 90% of their adults, 3% twice, with relationships.
 * </ul>
 *
 * <p>Every row's randomness is seeded from the population seed, the partner and the person, so a partner's extract
 * does not change when another's rules do. Rows are shuffled so that file order says nothing about identity.
 */
public record PartnerExtracts(Map<Partner, List<ExtractRow>> rows, List<Relationship> relationships) {

    public PartnerExtracts {
        rows = Collections.unmodifiableMap(new EnumMap<>(rows));
        relationships = List.copyOf(relationships);
    }

    public static PartnerExtracts of(SyntheticPopulation population) {
        long seed = population.seed();
        List<List<TruePerson>> families = PopulationPeople.of(population);
        Map<Partner, List<ExtractRow>> rows = new EnumMap<>(Partner.class);
        List<Relationship> relationships = new ArrayList<>();
        for (Partner partner : Partner.values()) {
            List<Draw> draws = draws(partner, families, seed);
            Collections.shuffle(draws, new Random(mix(seed, partner.ordinal(), -1, 0)));
            List<ExtractRow> partnerRows = new ArrayList<>(draws.size());
            for (int i = 0; i < draws.size(); i++) {
                Draw d = draws.get(i);
                String id = String.format("%s-%06d", partner.id(), i + 1);
                Random random =
                        new Random(mix(seed, partner.ordinal(), d.person().ordinal(), d.copy()));
                partnerRows.add(RecordMaker.record(d.person(), partner, id, random));
            }
            rows.put(partner, partnerRows);
            if (partner == Partner.CASE_SYSTEM) {
                relationships.addAll(relationships(partnerRows, families));
            }
        }
        return new PartnerExtracts(rows, relationships);
    }

    /** Which people a partner holds, and how many records for each. */
    private static List<Draw> draws(Partner partner, List<List<TruePerson>> families, long seed) {
        List<Draw> draws = new ArrayList<>();
        for (List<TruePerson> family : families) {
            Random familyRandom =
                    new Random(mix(seed, partner.ordinal(), family.get(0).ordinal(), 99));
            int familyPercent =
                    switch (partner) {
                        case POLICE -> 20;
                        case HOUSING -> 55;
                        case CASE_SYSTEM -> 30;
                        default -> 100;
                    };
            if (familyRandom.nextInt(100) >= familyPercent) {
                continue;
            }
            for (TruePerson person : family) {
                int memberPercent =
                        switch (partner) {
                            case SCHOOLS -> person.child() ? 98 : 0;
                            case HEALTH -> 97;
                            case POLICE -> 85;
                            case HOUSING -> person.child() ? 25 : 97;
                            case CASE_SYSTEM -> person.child() ? 95 : 90;
                        };
                int repeatPercent =
                        switch (partner) {
                            case HEALTH -> 2;
                            case POLICE -> 15;
                            case CASE_SYSTEM -> 3;
                            default -> 0;
                        };
                if (familyRandom.nextInt(100) < memberPercent) {
                    draws.add(new Draw(person, 0));
                    if (familyRandom.nextInt(100) < repeatPercent) {
                        draws.add(new Draw(person, 1));
                    }
                }
            }
        }
        return draws;
    }

    /** Each child record linked to each record of an adult in the same family. */
    private static List<Relationship> relationships(List<ExtractRow> rows, List<List<TruePerson>> families) {
        Map<String, TruePerson> people = new java.util.HashMap<>();
        families.forEach(f -> f.forEach(p -> people.put(p.personId(), p)));
        Map<String, List<ExtractRow>> byFamily = new java.util.TreeMap<>();
        rows.forEach(r -> byFamily.computeIfAbsent(r.trueFamilyId(), k -> new ArrayList<>())
                .add(r));
        List<Relationship> links = new ArrayList<>();
        for (List<ExtractRow> family : byFamily.values()) {
            for (ExtractRow parent : family) {
                TruePerson adult = people.get(parent.truePersonId());
                if (adult.child()) {
                    continue;
                }
                String relationship =
                        adult.sex() == Sex.FEMALE ? "mother" : adult.sex() == Sex.MALE ? "father" : "parent";
                for (ExtractRow child : family) {
                    if (people.get(child.truePersonId()).child()) {
                        links.add(new Relationship(parent.recordId(), child.recordId(), relationship));
                    }
                }
            }
        }
        return links;
    }

    static long mix(long seed, long a, long b, long c) {
        long h = seed * 0x9E3779B97F4A7C15L + a;
        h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L + b;
        h = (h ^ (h >>> 29)) * 0x94D049BB133111EBL + c;
        return h ^ (h >>> 32);
    }

    private record Draw(TruePerson person, int copy) {}
}
