package org.earlyhelp.hub.simulator.extracts;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.datafaker.Faker;
import org.earlyhelp.hub.simulator.population.Address;
import org.earlyhelp.hub.simulator.population.Sex;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;

/**
 * Streams a large file of person records for speed tests: families are made one at a time and forgotten, so memory
 * stays flat however many records are asked for. About 25% of people appear more than once (18% twice, 7% three
 * times), each time as a random partner would record them, with that partner's errors. Names are drawn with a
 * skewed frequency, so common names are common and distinct look-alikes occur naturally; 2% of families have twins.
 *
 * <p>Rows are shuffled within windows of {@value #WINDOW} so that the copies of one person are not adjacent, and
 * record ids are a permutation of the row numbers, so neither order nor id gives identity away. NHS numbers come from
 * the 999 test range, which holds about 909,000 valid numbers; people beyond that have none.
 */
public final class PeopleStream {

    /** Every column of every partner except the police's single-line address, then the ground truth. */
    public static final List<Column> COLUMNS = List.of(
            Column.RECORD_ID,
            Column.PARTNER,
            Column.FORENAME,
            Column.MIDDLE_NAMES,
            Column.SURNAME,
            Column.DOB,
            Column.SEX,
            Column.ADDRESS_1,
            Column.ADDRESS_2,
            Column.TOWN,
            Column.POSTCODE,
            Column.UPRN,
            Column.NHS_NUMBER,
            Column.UPN,
            Column.EMAIL,
            Column.PHONE,
            Column.TRUE_PERSON_ID,
            Column.TRUE_FAMILY_ID,
            Column.TRUE_ERRORS);

    static final int WINDOW = 65_536;
    private static final int SCHOOLS = 300;
    private static final String[] SUFFIXES = {"Road", "Street", "Avenue", "Close", "Lane", "Drive", "Crescent", "Way"};
    private static final String[] LOCALITIES = {"Brampton", "Newbold", "Hasland", "Brimington", "Staveley", "Walton"};
    private static final String UNIT = "ABDEFGHJLNPQRSTUWXYZ";

    private final Random random;
    private final LocalDate asOf;
    private final List<String> femaleNames;
    private final List<String> maleNames;
    private final List<String> surnames;
    private final Map<Integer, Integer> upnSerials = new HashMap<>();
    private long nhsCursor;
    private long personOrdinal;
    private long uprn = 100030000000L;

    private PeopleStream(long seed, LocalDate asOf) {
        this.random = new Random(seed);
        this.asOf = asOf;
        Faker faker = new Faker(Locale.forLanguageTag("en-GB"), new Random(seed));
        this.femaleNames = pool(() -> faker.name().femaleFirstName(), 4000);
        this.maleNames = pool(() -> faker.name().malefirstName(), 4000);
        this.surnames = pool(() -> faker.name().lastName(), 8000);
    }

    /** Writes a header and exactly {@code records} rows to {@code out}; returns the number of distinct people. */
    public static long write(long seed, long records, LocalDate asOf, Writer out) throws IOException {
        if (records < 0) {
            throw new IllegalArgumentException("records must not be negative: " + records);
        }
        return new PeopleStream(seed, asOf).writeAll(records, out);
    }

    private long writeAll(long records, Writer out) throws IOException {
        Csv.writeRow(out, COLUMNS.stream().map(Column::header).toList());
        RecordIds ids = new RecordIds(records);
        List<String> window = new ArrayList<>(WINDOW);
        long written = 0;
        long familyOrdinal = 0;
        StringWriter line = new StringWriter(256);
        while (written < records) {
            for (TruePerson person : family(familyOrdinal++)) {
                int roll = random.nextInt(100);
                int copies = roll < 75 ? 1 : roll < 93 ? 2 : 3;
                for (int c = 0; c < copies && written < records; c++) {
                    Partner partner = partner(person);
                    ExtractRow row = RecordMaker.record(person, partner, ids.id(written), random);
                    line.getBuffer().setLength(0);
                    Csv.writeRow(
                            line, COLUMNS.stream().map(col -> col.valueOf(row)).toList());
                    window.add(line.toString());
                    written++;
                    if (window.size() == WINDOW) {
                        flush(window, out);
                    }
                }
            }
        }
        flush(window, out);
        out.flush();
        return personOrdinal;
    }

    private void flush(List<String> window, Writer out) throws IOException {
        Collections.shuffle(window, random);
        for (String row : window) {
            out.write(row);
        }
        window.clear();
    }

    private Partner partner(TruePerson person) {
        int roll = random.nextInt(100);
        if (person.child()) {
            if (person.upn() != null && roll < 30) {
                return Partner.SCHOOLS;
            }
            return roll < 60
                    ? Partner.HEALTH
                    : roll < 80 ? Partner.CASE_SYSTEM : roll < 95 ? Partner.POLICE : Partner.HOUSING;
        }
        return roll < 40
                ? Partner.HEALTH
                : roll < 65 ? Partner.POLICE : roll < 85 ? Partner.HOUSING : Partner.CASE_SYSTEM;
    }

    private List<TruePerson> family(long familyOrdinal) {
        String familyId = String.format("H%07d", familyOrdinal + 1);
        String surname = pick(surnames);
        uprn += 1 + random.nextInt(200);
        Address address = new Address(
                List.of(
                        (1 + random.nextInt(180)) + " " + pick(surnames) + " "
                                + SUFFIXES[random.nextInt(SUFFIXES.length)],
                        LOCALITIES[random.nextInt(LOCALITIES.length)],
                        SyntheticPopulation.TOWN),
                postcode(),
                String.valueOf(uprn));
        Address previous = Contacts.previousAddress(familyOrdinal, random);
        int adults = 1 + random.nextInt(2);
        int children = random.nextInt(5);
        List<TruePerson> people = new ArrayList<>(adults + children + 1);
        String secondSurname = random.nextInt(100) < 70 ? surname : pick(surnames);
        Sex first = random.nextInt(100) < 80 ? Sex.FEMALE : Sex.MALE;
        LocalDate adultDob = asOf.minusYears(20 + random.nextInt(45)).minusDays(random.nextInt(365));
        people.add(person(familyId, 1, surname, secondSurname, first, adultDob, false, address, previous));
        if (adults == 2) {
            Sex second = first == Sex.FEMALE ? Sex.MALE : Sex.FEMALE;
            LocalDate dob = adultDob.plusDays(random.nextInt(3650) - 1825);
            people.add(person(familyId, 2, secondSurname, surname, second, dob, false, address, previous));
        }
        for (int i = 0; i < children; i++) {
            LocalDate dob = asOf.minusDays(random.nextInt(18 * 365));
            Sex sex = random.nextBoolean() ? Sex.FEMALE : Sex.MALE;
            String other = secondSurname.equals(surname) ? null : secondSurname;
            people.add(person(familyId, people.size() + 1, surname, other, sex, dob, true, address, previous));
            if (random.nextInt(100) < 2) {
                // a twin: same surname, date of birth and address, another given name
                TruePerson sibling = people.get(people.size() - 1);
                TruePerson twin;
                do {
                    twin = person(familyId, people.size() + 1, surname, other, sex, dob, true, address, previous);
                } while (twin.forename().equals(sibling.forename()));
                people.add(twin);
            }
        }
        return people;
    }

    private TruePerson person(
            String familyId,
            int place,
            String surname,
            String altSurname,
            Sex sex,
            LocalDate dob,
            boolean child,
            Address address,
            Address previous) {
        String forename = pick(sex == Sex.FEMALE ? femaleNames : maleNames);
        long ordinal = personOrdinal++;
        String upn = null;
        int age = dob.until(asOf).getYears();
        if (child && age >= 4) {
            int school = random.nextInt(SCHOOLS);
            int yearIssued = dob.getYear() + 4;
            int serial = upnSerials.merge(school * 10_000 + yearIssued, 1, Integer::sum);
            upn = Upns.upn(Upns.DERBYSHIRE, String.valueOf(110_000 + school), yearIssued, serial);
        }
        boolean contact = !child || age >= 13;
        return new TruePerson(
                ordinal,
                String.format("%s-%02d", familyId, place),
                familyId,
                forename,
                Contacts.middleNames(sex, random),
                surname,
                altSurname != null ? altSurname : child ? null : pick(surnames),
                dob,
                sex,
                child,
                nhsNumber(),
                upn,
                address,
                previous,
                contact && random.nextInt(100) < 50 ? Contacts.email(forename, surname, ordinal) : null,
                contact && random.nextInt(100) < 70 ? Contacts.phone(ordinal) : null);
    }

    /** The next valid number in a fixed permutation of the 999 range, or null once the range is used up. */
    private String nhsNumber() {
        while (nhsCursor < 1_000_000) {
            long stem = 999_000_000L + (nhsCursor++ * 738_271L + 12_345L) % 1_000_000L;
            String nine = String.valueOf(stem);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return nine + check;
            }
        }
        return null;
    }

    /** Skewed towards the head of the list, as real name frequencies are. */
    private String pick(List<String> pool) {
        double u = random.nextDouble();
        return pool.get((int) (pool.size() * u * u * u));
    }

    private String postcode() {
        return "S4" + random.nextInt(5) + " " + (1 + random.nextInt(9)) + UNIT.charAt(random.nextInt(UNIT.length()))
                + UNIT.charAt(random.nextInt(UNIT.length()));
    }

    private static List<String> pool(java.util.function.Supplier<String> names, int draws) {
        Set<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < draws; i++) {
            distinct.add(names.get());
        }
        return List.copyOf(distinct);
    }

    /** A bijection from row numbers to record ids, so ids are opaque but unique. */
    private static final class RecordIds {
        private final long n;
        private final long multiplier;
        private final String format;

        RecordIds(long n) {
            this.n = Math.max(n, 1);
            long m = 1_000_003L;
            while (gcd(m, this.n) != 1) {
                m += 2;
            }
            this.multiplier = m;
            this.format = "rec-%0" + String.valueOf(this.n).length() + "d";
        }

        String id(long row) {
            return String.format(format, Math.floorMod(row * multiplier + 7919, n) + 1);
        }

        private static long gcd(long a, long b) {
            return b == 0 ? a : gcd(b, a % b);
        }
    }
}
