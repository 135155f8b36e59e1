package org.earlyhelp.hub.simulator.extracts;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.earlyhelp.hub.simulator.population.Address;
import org.earlyhelp.hub.simulator.population.Sex;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;

/** The details the population does not carry: middle names, a previous address, an email and a phone number. */
final class Contacts {

    /** Ofcom reserves these blocks of 1,000 numbers for drama, so no generated number rings a real person. */
    private static final String[] DRAMA_RANGES = {
        "07700900",
        "01134960",
        "01144960",
        "01154960",
        "01164960",
        "01174960",
        "01184960",
        "01214960",
        "01314960",
        "01414960",
        "01514960",
        "01614960",
        "02079460",
        "01632960",
        "01914980"
    };

    private static final String[] FEMALE_MIDDLE_NAMES = {
        "Ann", "Anne", "Louise", "Marie", "Jane", "Elizabeth", "Rose", "Grace", "May", "Mae", "Jayne", "Lynn"
    };
    private static final String[] MALE_MIDDLE_NAMES = {
        "James", "John", "Paul", "Michael", "David", "Lee", "Thomas", "Robert", "George", "Alan", "Edward", "William",
        "Peter"
    };
    private static final String[] STREETS = {
        "Sheffield Road", "Derby Road", "Chatsworth Road", "Newbold Road", "Old Road", "Ashgate Road", "Saltergate",
        "Hady Hill", "Station Road", "Infirmary Road", "Whittington Road", "Calow Lane", "Hollis Lane",
                "Storforth Lane",
        "Brockwell Lane", "Somersall Lane", "Cuttholme Road", "Dunston Lane", "Littlemoor", "Highfield Lane"
    };
    private static final String[] LOCALITIES = {"Brampton", "Newbold", "Hasland", "Brimington", "Staveley", "Walton"};
    private static final String[] DISTRICTS = {"S40", "S41", "S43", "S44"};
    private static final String UNIT = "ABDEFGHJLNPQRSTUWXYZ";
    /** Previous addresses get UPRNs from a range the population never uses. */
    private static final long FIRST_PREVIOUS_UPRN = 200030000000L;

    private Contacts() {}

    /** No middle name for about 60% of people, one for 35%, two for 5%. */
    static String middleNames(Sex sex, Random random) {
        int roll = random.nextInt(100);
        if (roll < 60) {
            return null;
        }
        String[] names = sex == Sex.FEMALE ? FEMALE_MIDDLE_NAMES : MALE_MIDDLE_NAMES;
        String one = names[random.nextInt(names.length)];
        String two = names[random.nextInt(names.length)];
        return roll < 95 || one.equals(two) ? one : one + " " + two;
    }

    /** A different Chesterfield address, with a UPRN derived from the family's number so that it is unique. */
    static Address previousAddress(long familyOrdinal, Random random) {
        String line1 = (1 + random.nextInt(150)) + " " + STREETS[random.nextInt(STREETS.length)];
        String postcode = DISTRICTS[random.nextInt(DISTRICTS.length)] + " " + (1 + random.nextInt(9))
                + UNIT.charAt(random.nextInt(UNIT.length())) + UNIT.charAt(random.nextInt(UNIT.length()));
        String uprn = String.valueOf(FIRST_PREVIOUS_UPRN + familyOrdinal);
        return new Address(
                List.of(line1, LOCALITIES[random.nextInt(LOCALITIES.length)], SyntheticPopulation.TOWN),
                postcode,
                uprn);
    }

    /** A number from the drama ranges; unique for the first 15,000 people who have one, then shared. */
    static String phone(long ordinal) {
        long n = (ordinal * 7919) % (DRAMA_RANGES.length * 1000L);
        String range = DRAMA_RANGES[(int) (n / 1000)];
        String last = String.format("%03d", n % 1000);
        return range + last;
    }

    /** An address at {@code example.com}, reserved for documentation, unique to the person. */
    static String email(String forename, String surname, long ordinal) {
        return (forename + "." + surname).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "") + ordinal + "@example.com";
    }
}
