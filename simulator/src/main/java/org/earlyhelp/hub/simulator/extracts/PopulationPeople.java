package org.earlyhelp.hub.simulator.extracts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.earlyhelp.hub.simulator.population.Family;
import org.earlyhelp.hub.simulator.population.Member;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;

/** Turns a {@link SyntheticPopulation} into {@link TruePerson}s: person ids, UPNs, former surnames and contacts. */
final class PopulationPeople {

    private PopulationPeople() {}

    /** One list per family, in the population's order; a person's id is the family id and their place in it. */
    static List<List<TruePerson>> of(SyntheticPopulation population) {
        Random random = new Random(population.seed() ^ 0x5DEECE66DL);
        List<String> surnames = population.families().stream()
                .map(f -> f.members().get(0).familyName())
                .distinct()
                .toList();
        Map<String, Integer> upnSerials = new HashMap<>();
        List<List<TruePerson>> families = new ArrayList<>();
        long ordinal = 0;
        for (int f = 0; f < population.families().size(); f++) {
            Family family = population.families().get(f);
            var previous = Contacts.previousAddress(f, random);
            List<Member> adults = family.adults();
            List<TruePerson> people = new ArrayList<>();
            for (int i = 0; i < family.members().size(); i++) {
                Member m = family.members().get(i);
                String alt = otherSurname(m, adults, surnames, random);
                String upn = null;
                if (m.isChild()) {
                    int yearIssued = m.dateOfBirth().getYear() + 4;
                    String key = m.schoolUrn() + "/" + yearIssued;
                    int serial = upnSerials.merge(key, 1, Integer::sum);
                    upn = Upns.upn(Upns.DERBYSHIRE, m.schoolUrn(), yearIssued, serial);
                }
                boolean hasContact = !m.isChild() || m.ageOn(population.asOf()) >= 13;
                people.add(new TruePerson(
                        ordinal,
                        String.format("%s-%02d", family.id(), i + 1),
                        family.id(),
                        m.givenName(),
                        Contacts.middleNames(m.sex(), random),
                        m.familyName(),
                        alt,
                        m.dateOfBirth(),
                        m.sex(),
                        m.isChild(),
                        m.nhsNumber(),
                        upn,
                        family.address(),
                        previous,
                        hasContact && random.nextInt(100) < 60
                                ? Contacts.email(m.givenName(), m.familyName(), ordinal)
                                : null,
                        hasContact && random.nextInt(100) < 80 ? Contacts.phone(ordinal) : null));
                ordinal++;
            }
            families.add(people);
        }
        return families;
    }

    /** A child's other parent's surname, else any other surname; for an adult a former (for example maiden) name. */
    private static String otherSurname(Member m, List<Member> adults, List<String> surnames, Random random) {
        for (Member adult : adults) {
            if (!adult.familyName().equals(m.familyName())) {
                return adult.familyName();
            }
        }
        String other = surnames.get(random.nextInt(surnames.size()));
        return other.equals(m.familyName()) ? null : other;
    }
}
