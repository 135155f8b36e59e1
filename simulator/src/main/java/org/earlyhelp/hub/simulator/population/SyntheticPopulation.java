package org.earlyhelp.hub.simulator.population;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import net.datafaker.Faker;

/**
 * A deterministic synthetic population of families in Chesterfield, Derbyshire: the same seed, family count and
 * reference date always give the same families, addresses, names, NHS numbers and schools.
 *
 * <p>NHS numbers come from the 999 range that NHS England reserves for testing, so no generated number belongs to a
 * real person. UPRNs and postcodes have the real format but are invented.
 */
public final class SyntheticPopulation {

    /** The council area every family lives in. */
    public static final String TOWN = "Chesterfield";

    private static final String[] LOCALITIES = {
        "Brampton",
        "Newbold",
        "Hasland",
        "Brimington",
        "Staveley",
        "Walton",
        "Whittington Moor",
        "Loundsley Green",
        "Boythorpe",
        "Old Whittington"
    };
    private static final String[] POSTCODE_DISTRICTS = {"S40", "S41", "S43", "S44"};
    private static final String POSTCODE_UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
    private static final String[] STREET_SUFFIXES = {
        "Road", "Street", "Avenue", "Close", "Lane", "Drive", "Crescent", "Way", "Grove", "Gardens", "Terrace", "Walk"
    };
    private static final String[] SCHOOL_NAMES = {
        "Brampton Primary School",
        "Newbold Church of England Primary School",
        "Hasland Junior School",
        "Brimington Infant School",
        "Staveley Junior School",
        "Walton Holymoorside Primary School",
        "Whittington Green Primary School",
        "Loundsley Green Primary Academy",
        "Boythorpe Community Primary School",
        "Old Whittington Primary School",
        "Spire Junior School",
        "Highfield Hall Primary School",
        "St Mary's Catholic Primary School",
        "Abercrombie Primary School",
        "Parkside Community School",
        "Outwood Academy Newbold",
        "Brookfield Community School",
        "Netherthorpe School",
        "Springwell Community College",
        "St Mary's Catholic High School"
    };
    /** The first 14 schools in {@link #SCHOOL_NAMES} are primaries (ages 4 to 10); the rest are secondaries. */
    private static final int PRIMARY_SCHOOLS = 14;

    /** The 999 test range holds about 900,000 valid NHS numbers; six members a family stays well inside it. */
    public static final int MAX_FAMILIES = 100_000;

    private static final int FIRST_URN = 100001;
    /** Share of families with twins: about 1 in 65 UK maternities is a multiple birth. */
    static final int TWIN_PERCENT = 2;
    /** Share of families given a child who looks like another family's child. */
    static final int LOOKALIKE_PERCENT = 1;

    private static final long FIRST_UPRN = 100030000000L;

    private final long seed;
    private final LocalDate asOf;
    private final List<School> schools;
    private final List<Family> families;

    private SyntheticPopulation(long seed, LocalDate asOf, List<School> schools, List<Family> families) {
        this.seed = seed;
        this.asOf = asOf;
        this.schools = List.copyOf(schools);
        this.families = List.copyOf(families);
    }

    /** Generates a population whose children are aged 4 to 17 today (UTC). */
    public static SyntheticPopulation generate(long seed, int families) {
        return generate(seed, families, LocalDate.now(ZoneOffset.UTC));
    }

    /** Generates a population whose children are aged 4 to 17 on {@code asOf}; fully deterministic. */
    public static SyntheticPopulation generate(long seed, int families, LocalDate asOf) {
        if (families < 0 || families > MAX_FAMILIES) {
            throw new IllegalArgumentException("families must be 0 to " + MAX_FAMILIES + ": " + families);
        }
        return new Builder(seed, asOf).build(families);
    }

    public List<Family> families() {
        return families;
    }

    public List<School> schools() {
        return schools;
    }

    public long seed() {
        return seed;
    }

    /** The date the ages were worked out on. */
    public LocalDate asOf() {
        return asOf;
    }

    /**
     * True when the string is ten digits whose last digit is the modulus-11 check digit of the first nine (weights 10
     * down to 2; 11 becomes 0; 10 is never valid).
     */
    public static boolean validNhsNumber(String nhsNumber) {
        if (nhsNumber == null || nhsNumber.length() != 10) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = nhsNumber.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        int check = nhsCheckDigit(nhsNumber.substring(0, 9));
        return check != 10 && check == nhsNumber.charAt(9) - '0';
    }

    /** The check digit for nine digits: 0 to 9, or 10 when no valid NHS number starts with them. */
    static int nhsCheckDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        return check == 11 ? 0 : check;
    }

    /** Holds the random state while one population is generated. */
    private static final class Builder {

        private final Random random;
        private final Faker faker;
        private final LocalDate asOf;
        private final long seed;
        private final List<School> schools = new ArrayList<>();
        private final Set<String> nhsNumbers = new HashSet<>();
        private long nextUprn = FIRST_UPRN;

        Builder(long seed, LocalDate asOf) {
            this.seed = seed;
            this.asOf = asOf;
            this.random = new Random(seed);
            this.faker = new Faker(Locale.forLanguageTag("en-GB"), random);
            for (int i = 0; i < SCHOOL_NAMES.length; i++) {
                schools.add(new School(String.valueOf(FIRST_URN + i), SCHOOL_NAMES[i]));
            }
        }

        SyntheticPopulation build(int count) {
            List<Family> families = new ArrayList<>(count);
            for (int i = 1; i <= count; i++) {
                families.add(family(String.format("F%06d", i)));
            }
            // drawn after every family so that adding them left the families above unchanged for a given seed
            addTwins(families);
            addLookalikes(families);
            return new SyntheticPopulation(seed, asOf, schools, families);
        }

        /**
         * About {@value #TWIN_PERCENT}% of families get a twin of one child: same surname, date of birth, school and
         * address, a different given name and NHS number. Twins are the hardest case for a matcher: two people who
         * agree on everything but the given name.
         */
        private void addTwins(List<Family> families) {
            for (int i = 0; i < families.size(); i++) {
                Family family = families.get(i);
                if (random.nextInt(1000) >= TWIN_PERCENT * 10
                        || family.children().size() >= 4) {
                    continue;
                }
                List<Member> children = family.children();
                Member sibling = children.get(random.nextInt(children.size()));
                Sex sex = random.nextBoolean() ? sibling.sex() : opposite(sibling.sex());
                String name = givenName(sex);
                while (name.equals(sibling.givenName())) {
                    name = givenName(sex);
                }
                Member twin = new Member(
                        name,
                        sibling.familyName(),
                        sibling.dateOfBirth(),
                        sex,
                        nhsNumber(),
                        Member.Role.CHILD,
                        sibling.schoolUrn());
                List<Member> newChildren = new ArrayList<>(children);
                newChildren.add(newChildren.indexOf(sibling) + 1, twin);
                List<Member> members = new ArrayList<>(family.adults());
                members.addAll(newChildren);
                families.set(i, new Family(family.id(), family.address(), members));
            }
        }

        /**
         * About {@value #LOOKALIKE_PERCENT}% of families are given a child who shares the full name and year of birth
         * of a child in another family: distinct people that a careless matcher would merge. The second family takes
         * the first family's surname (for every member who carried the family surname).
         */
        private void addLookalikes(List<Family> families) {
            int pairs = families.size() * LOOKALIKE_PERCENT / 100;
            for (int p = 0; p < pairs; p++) {
                int a = random.nextInt(families.size());
                int b = random.nextInt(families.size());
                if (a == b) {
                    continue;
                }
                Member model = families.get(a).children().get(0);
                Family other = families.get(b);
                Member target = null;
                for (Member child : other.children()) {
                    if (child.dateOfBirth().getYear() == model.dateOfBirth().getYear() && child.sex() == model.sex()) {
                        target = child;
                        break;
                    }
                }
                if (target == null) {
                    continue;
                }
                String oldSurname = target.familyName();
                List<Member> members = new ArrayList<>();
                for (Member m : other.members()) {
                    String surname = m.familyName().equals(oldSurname) ? model.familyName() : m.familyName();
                    String given = m == target ? model.givenName() : m.givenName();
                    members.add(new Member(
                            given, surname, m.dateOfBirth(), m.sex(), m.nhsNumber(), m.role(), m.schoolUrn()));
                }
                families.set(b, new Family(other.id(), other.address(), members));
            }
        }

        private Family family(String id) {
            String familyName = faker.name().lastName();
            int locality = random.nextInt(LOCALITIES.length);
            Address address = address(locality);

            int childCount = 1 + random.nextInt(4);
            List<Member> children = new ArrayList<>(childCount);
            // siblings of primary age usually share the nearest primary school
            School primary = schools.get((locality + random.nextInt(2) * LOCALITIES.length) % PRIMARY_SCHOOLS);
            School secondary = schools.get(PRIMARY_SCHOOLS + random.nextInt(SCHOOL_NAMES.length - PRIMARY_SCHOOLS));
            for (int i = 0; i < childCount; i++) {
                children.add(child(familyName, primary, secondary));
            }
            children.sort(Comparator.comparing(Member::dateOfBirth));
            int oldestChildAge = children.get(0).ageOn(asOf);

            List<Member> members = new ArrayList<>(2 + childCount);
            int adultCount = 1 + random.nextInt(2);
            Sex first = random.nextInt(100) < 80 ? Sex.FEMALE : Sex.MALE;
            members.add(adult(familyName, first, oldestChildAge));
            if (adultCount == 2) {
                Sex second = random.nextInt(100) < 92 ? opposite(first) : first;
                String partnerName =
                        random.nextInt(100) < 70 ? familyName : faker.name().lastName();
                members.add(adult(partnerName, second, oldestChildAge));
            }
            members.addAll(children);
            return new Family(id, address, members);
        }

        private Member child(String familyName, School primary, School secondary) {
            // born so that the child is 4 to 17 on asOf
            LocalDate youngest = asOf.minusYears(4);
            LocalDate oldest = asOf.minusYears(18).plusDays(1);
            LocalDate dob = oldest.plusDays(random.nextInt((int) (youngest.toEpochDay() - oldest.toEpochDay()) + 1));
            Sex sex = childSex();
            int age = dob.until(asOf).getYears();
            School school = age < 11 ? primary : secondary;
            return new Member(givenName(sex), familyName, dob, sex, nhsNumber(), Member.Role.CHILD, school.urn());
        }

        private Member adult(String familyName, Sex sex, int oldestChildAge) {
            int age = Math.max(oldestChildAge + 18 + random.nextInt(15), 22 + random.nextInt(10));
            LocalDate dob = asOf.minusYears(age).minusDays(random.nextInt(365));
            return new Member(givenName(sex), familyName, dob, sex, nhsNumber(), Member.Role.ADULT, null);
        }

        private Sex childSex() {
            int roll = random.nextInt(1000);
            if (roll < 495) {
                return Sex.FEMALE;
            }
            if (roll < 990) {
                return Sex.MALE;
            }
            return roll < 995 ? Sex.OTHER : Sex.UNKNOWN;
        }

        private String givenName(Sex sex) {
            return switch (sex) {
                case FEMALE -> faker.name().femaleFirstName();
                case MALE -> faker.name().malefirstName();
                default -> faker.name().firstName();
            };
        }

        private static Sex opposite(Sex sex) {
            return sex == Sex.FEMALE ? Sex.MALE : Sex.FEMALE;
        }

        private Address address(int locality) {
            String street = faker.name().lastName() + " " + STREET_SUFFIXES[random.nextInt(STREET_SUFFIXES.length)];
            String firstLine = (1 + random.nextInt(180)) + " " + street;
            nextUprn += 1 + random.nextInt(400);
            return new Address(List.of(firstLine, LOCALITIES[locality], TOWN), postcode(), String.valueOf(nextUprn));
        }

        /** A postcode in a Chesterfield district; neighbouring families may share one, as they do in life. */
        private String postcode() {
            return POSTCODE_DISTRICTS[random.nextInt(POSTCODE_DISTRICTS.length)] + " " + (1 + random.nextInt(9))
                    + POSTCODE_UNIT_LETTERS.charAt(random.nextInt(POSTCODE_UNIT_LETTERS.length()))
                    + POSTCODE_UNIT_LETTERS.charAt(random.nextInt(POSTCODE_UNIT_LETTERS.length()));
        }

        /** A valid, unused NHS number in the 999 test range; nine-digit stems whose check digit is 10 are skipped. */
        private String nhsNumber() {
            while (true) {
                String stem = "999" + String.format("%06d", random.nextInt(1_000_000));
                int check = nhsCheckDigit(stem);
                if (check == 10) {
                    continue;
                }
                String nhs = stem + check;
                if (nhsNumbers.add(nhs)) {
                    return nhs;
                }
            }
        }
    }
}
