package org.earlyhelp.hub.simulator.police;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import net.datafaker.Faker;
import org.earlyhelp.hub.simulator.population.Address;
import org.earlyhelp.hub.simulator.population.Family;
import org.earlyhelp.hub.simulator.population.Member;
import org.earlyhelp.hub.simulator.population.Sex;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;

/**
 * Makes domestic abuse incidents in a synthetic population, as the police system would report them: each incident
 * happens in one family, lists all its children (at least one present, each with a school URN), the adult victim and
 * the perpetrator, and occurred within the 24 hours before the clock's now. Deterministic for a seed and clock;
 * references are unique per generator and, through a token of the second the generator was made, across runs: the
 * hub takes a reference as the police system's own key for an incident, so a reference a restarted simulator used
 * again for another incident would be refused. Safe to call from several threads.
 */
public final class PoliceIncidentGenerator {

    private static final long DAY_SECONDS = 24 * 60 * 60;
    private static final int MAX_SEQUENCE = 999_999;
    private static final String[] PUBLIC_PLACES = {
        "Market Place", "New Square", "Vicar Lane", "Knifesmithgate", "Holywell Street", "Saltergate", "Queen's Park"
    };

    private final List<Family> families;
    private final Clock clock;
    private final Random random;
    private final Faker faker;
    private int sequence;
    private final String runToken;

    public PoliceIncidentGenerator(SyntheticPopulation population, long seed, Clock clock) {
        Objects.requireNonNull(population, "population");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.families = population.families().stream()
                .filter(f -> !f.children().isEmpty() && !f.adults().isEmpty())
                .toList();
        if (families.isEmpty()) {
            throw new IllegalArgumentException("the population has no family with children");
        }
        this.random = new Random(seed);
        this.faker = new Faker(Locale.forLanguageTag("en-GB"), random);
        this.sequence = random.nextInt(100_000);
        this.runToken = Long.toString(clock.instant().getEpochSecond(), 36).toUpperCase(Locale.ROOT);
    }

    /** The next incident. */
    public synchronized Incident next() {
        if (sequence >= MAX_SEQUENCE) {
            throw new IllegalStateException("this generator has used all " + MAX_SEQUENCE + " references");
        }
        sequence++;
        Instant now = clock.instant();
        String reference =
                String.format("DA/%d/%s-%06d", now.atZone(ZoneOffset.UTC).getYear(), runToken, sequence);
        Instant occurredAt =
                now.minusSeconds(1 + random.nextLong(DAY_SECONDS - 1)).truncatedTo(ChronoUnit.SECONDS);
        if (occurredAt.isBefore(now.minusSeconds(DAY_SECONDS))) {
            occurredAt = occurredAt.plusSeconds(1);
        }

        Family family = families.get(random.nextInt(families.size()));
        List<Incident.Involved> people = new ArrayList<>();
        List<Member> children = family.children();
        int mustBePresent = random.nextInt(children.size());
        for (int i = 0; i < children.size(); i++) {
            boolean present = i == mustBePresent || random.nextInt(100) < 60;
            people.add(new Incident.Involved("c" + (i + 1), IncidentRole.CHILD, children.get(i), present));
        }

        List<Member> adults = family.adults();
        Member victim;
        Member perpetrator;
        if (adults.size() >= 2) {
            boolean firstIsVictim = adults.get(0).sex() == Sex.FEMALE
                    ? random.nextInt(100) < 85
                    : adults.get(1).sex() != Sex.FEMALE || random.nextInt(100) < 15;
            victim = firstIsVictim ? adults.get(0) : adults.get(1);
            perpetrator = firstIsVictim ? adults.get(1) : adults.get(0);
        } else {
            victim = adults.get(0);
            perpetrator = exPartner(victim, now);
        }
        people.add(new Incident.Involved("a1", IncidentRole.ADULT_VICTIM, victim, null));
        people.add(new Incident.Involved("p1", IncidentRole.PERPETRATOR, perpetrator, null));

        int present = (int)
                people.stream().filter(p -> Boolean.TRUE.equals(p.present())).count();
        boolean atHome = random.nextInt(100) < 85;
        Address place = atHome ? family.address() : publicPlace();
        RiskLevel risk = riskLevel();
        return new Incident(
                reference, occurredAt, place, risk, notes(atHome, risk, present, children.size()), family, people);
    }

    /** A former partner who does not live with the family. */
    private Member exPartner(Member victim, Instant now) {
        Sex sex = random.nextInt(100) < 90 ? (victim.sex() == Sex.FEMALE ? Sex.MALE : Sex.FEMALE) : victim.sex();
        String given = sex == Sex.FEMALE
                ? faker.name().femaleFirstName()
                : faker.name().malefirstName();
        String family =
                random.nextInt(100) < 50 ? victim.familyName() : faker.name().lastName();
        LocalDate dob = victim.dateOfBirth().plusDays(random.nextInt(8 * 365) - 4 * 365);
        LocalDate latest = now.atZone(ZoneOffset.UTC).toLocalDate().minusYears(18);
        if (dob.isAfter(latest)) {
            dob = latest;
        }
        return new Member(given, family, dob, sex, null, Member.Role.ADULT, null);
    }

    private Address publicPlace() {
        String street = PUBLIC_PLACES[random.nextInt(PUBLIC_PLACES.length)];
        return new Address(
                List.of(street, SyntheticPopulation.TOWN), "S40 1" + (char) ('A' + random.nextInt(8)) + "B", null);
    }

    private RiskLevel riskLevel() {
        int roll = random.nextInt(100);
        if (roll < 55) {
            return RiskLevel.STANDARD;
        }
        if (roll < 85) {
            return RiskLevel.MEDIUM;
        }
        return roll < 97 ? RiskLevel.HIGH : RiskLevel.UNKNOWN;
    }

    private String notes(boolean atHome, RiskLevel risk, int present, int children) {
        String[] callers = {"a neighbour", "the victim", "a child in the household", "a family member", "a passer-by"};
        String[] harms = {
            "shouting and items being thrown",
            "a verbal argument that escalated to pushing",
            "threats made over the phone and in person",
            "damage to the front door",
            "a physical assault causing bruising to the arms"
        };
        StringBuilder notes = new StringBuilder()
                .append("Call from ")
                .append(callers[random.nextInt(callers.length)])
                .append(" reporting ")
                .append(harms[random.nextInt(harms.length)])
                .append(atHome ? " at the family home. " : " in the town centre. ");
        notes.append(present == 1 ? "One child" : present + " children")
                .append(" present at the time")
                .append(present < children ? "; the others were staying elsewhere. " : ". ");
        notes.append(
                switch (risk) {
                    case HIGH -> "DASH completed: high risk, referral to MARAC.";
                    case MEDIUM -> "DASH completed: medium risk, safety advice given.";
                    case STANDARD -> "DASH completed: standard risk, no further action by police.";
                    case UNKNOWN -> "Victim declined to complete DASH.";
                });
        return notes.toString();
    }
}
