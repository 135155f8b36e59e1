package org.earlyhelp.hub.simulator.extracts;

import static org.earlyhelp.hub.simulator.extracts.Column.*;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.earlyhelp.hub.simulator.population.Sex;

/**
 * The partners whose records the hub matches: what each holds, in which format, and how often each recording error
 * happens there. The rates are the simulator's documented error model (see {@code docs/simulate.md}).
 */
public enum Partner {
    /** Pupils only: a valid UPN always, the home address the school holds, an NHS number only sometimes. */
    SCHOOLS(
            "schools",
            DateTimeFormatter.ISO_LOCAL_DATE,
            new String[] {"F", "M", "X", ""},
            List.of(FORENAME, MIDDLE_NAMES, SURNAME, DOB, SEX, ADDRESS_1, ADDRESS_2, TOWN, POSTCODE, NHS_NUMBER, UPN),
            new ErrorRates(0.01, 0.01, 0.02, 0.002, 0.01, 0, 0, 0.005, 0.005, 0.03, 0.01, 0.40, 0.005, 0, 0.005)),
    /** Everyone registered with a GP: NHS number nearly always, the GP-registered address, often out of date. */
    HEALTH(
            "health",
            DateTimeFormatter.ISO_LOCAL_DATE,
            new String[] {"female", "male", "other", "unknown"},
            List.of(FORENAME, MIDDLE_NAMES, SURNAME, DOB, SEX, ADDRESS_1, ADDRESS_2, TOWN, POSTCODE, NHS_NUMBER, PHONE),
            new ErrorRates(0.01, 0.01, 0.01, 0.002, 0.04, 0, 0, 0.003, 0.003, 0.08, 0.01, 0.03, 0.002, 0.02, 0.002)),
    /** Names as told at the door: nicknames, misspellings, a birth year or a wrong date; no identifiers. */
    POLICE(
            "police",
            DateTimeFormatter.ofPattern("dd/MM/yyyy"),
            new String[] {"F", "M", "", ""},
            List.of(FORENAME, SURNAME, DOB, SEX, ADDRESS, POSTCODE, PHONE),
            new ErrorRates(0.06, 0.06, 0.15, 0.03, 0.04, 0.05, 0.05, 0.03, 0.04, 0.06, 0.15, 1, 0, 0, 0.03)),
    /** Tenancies: adults mostly, with the property's UPRN. */
    HOUSING(
            "housing",
            DateTimeFormatter.ISO_LOCAL_DATE,
            new String[] {"F", "M", "", ""},
            List.of(FORENAME, SURNAME, DOB, SEX, ADDRESS_1, ADDRESS_2, TOWN, POSTCODE, UPRN, EMAIL, PHONE),
            new ErrorRates(0.02, 0.02, 0.05, 0.005, 0.05, 0.10, 0, 0.01, 0.01, 0.02, 0.005, 1, 0, 0, 0.02)),
    /** The council's case system: children and their parents, with the relationships between them. */
    CASE_SYSTEM(
            "case_system",
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK),
            new String[] {"Female", "Male", "Other", "Unknown"},
            List.of(
                    FORENAME,
                    MIDDLE_NAMES,
                    SURNAME,
                    DOB,
                    SEX,
                    ADDRESS_1,
                    ADDRESS_2,
                    TOWN,
                    POSTCODE,
                    UPRN,
                    NHS_NUMBER,
                    EMAIL,
                    PHONE),
            new ErrorRates(0.02, 0.02, 0.04, 0.01, 0.03, 0.02, 0, 0.01, 0.01, 0.04, 0.02, 0.50, 0.005, 0.01, 0.01));

    private final String id;
    private final DateTimeFormatter dobFormat;
    private final String[] sexCodes;
    private final List<Column> columns;
    private final ErrorRates rates;

    Partner(String id, DateTimeFormatter dobFormat, String[] sexCodes, List<Column> demographics, ErrorRates rates) {
        this.id = id;
        this.dobFormat = dobFormat;
        this.sexCodes = sexCodes;
        this.columns = withIdsAndTruth(demographics);
        this.rates = rates;
    }

    private static List<Column> withIdsAndTruth(List<Column> demographics) {
        List<Column> all = new java.util.ArrayList<>();
        all.add(RECORD_ID);
        all.addAll(demographics);
        all.addAll(List.of(PARTNER, TRUE_PERSON_ID, TRUE_FAMILY_ID, TRUE_ERRORS));
        return List.copyOf(all);
    }

    /** The partner's name in record ids, file names and the {@code partner} column. */
    public String id() {
        return id;
    }

    /** The columns of this partner's extract, in order. */
    public List<Column> columns() {
        return columns;
    }

    public ErrorRates rates() {
        return rates;
    }

    public DateTimeFormatter dobFormat() {
        return dobFormat;
    }

    /** Whether this partner records the column at all. */
    public boolean records(Column column) {
        return columns.contains(column);
    }

    String sexCode(Sex sex) {
        return sexCodes[sex.ordinal()];
    }
}
