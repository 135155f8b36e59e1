package org.earlyhelp.hub.connector.police.extract;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The extract's columns (documented in {@code docs/partners/police-csv.md}), how a header cell is read (case, stray
 * spaces, hyphens and spaces between words do not matter), and which column a validation path belongs to, so a row's
 * reason names the column the force can fix.
 */
final class ExtractColumns {

    static final String RECORD_TYPE = "record_type";
    static final String REFERENCE = "reference";
    static final String OCCURRED_AT = "occurred_at";
    static final String GIVEN_NAME = "given_name";
    static final String FAMILY_NAME = "family_name";
    static final String DATE_OF_BIRTH = "date_of_birth";
    static final String SEX = "sex";
    static final String NHS_NUMBER = "nhs_number";
    static final String POSTCODE = "postcode";
    static final String UPRN = "uprn";
    static final String SCHOOL_URN = "school_urn";
    static final String MISSING_EVENT = "missing_event";
    static final String RISK_LEVEL = "risk_level";
    static final String LOCATION_POSTCODE = "location_postcode";
    static final String ASB_CATEGORY = "asb_category";
    static final String ASB_ACTION = "asb_action";
    static final String OUTCOME = "outcome";
    static final String OFFENCE_GROUP = "offence_group";
    static final String YOUTH_JUSTICE_TEAM = "youth_justice_team";
    static final String YOUTH_JUSTICE_SINCE = "youth_justice_since";
    static final String NOTES = "notes";

    /** Every extract has these; the rest may be left out where no row needs them. */
    static final List<String> REQUIRED =
            List.of(RECORD_TYPE, REFERENCE, OCCURRED_AT, GIVEN_NAME, FAMILY_NAME, DATE_OF_BIRTH);

    static final Set<String> ALL = Set.of(
            RECORD_TYPE,
            REFERENCE,
            OCCURRED_AT,
            GIVEN_NAME,
            FAMILY_NAME,
            DATE_OF_BIRTH,
            SEX,
            NHS_NUMBER,
            POSTCODE,
            UPRN,
            SCHOOL_URN,
            MISSING_EVENT,
            RISK_LEVEL,
            LOCATION_POSTCODE,
            ASB_CATEGORY,
            ASB_ACTION,
            OUTCOME,
            OFFENCE_GROUP,
            YOUTH_JUSTICE_TEAM,
            YOUTH_JUSTICE_SINCE,
            NOTES);

    /** Validation paths of the requests a row builds, by the column they come from. */
    private static final Map<String, String> BY_PATH = Map.ofEntries(
            Map.entry("reference", REFERENCE),
            Map.entry("occurredAt", OCCURRED_AT),
            Map.entry("event", MISSING_EVENT),
            Map.entry("riskLevel", RISK_LEVEL),
            Map.entry("locationPostcode", LOCATION_POSTCODE),
            Map.entry("category", ASB_CATEGORY),
            Map.entry("action", ASB_ACTION),
            Map.entry("outcome", OUTCOME),
            Map.entry("offenceGroup", OFFENCE_GROUP),
            Map.entry("youthJustice.team", YOUTH_JUSTICE_TEAM),
            Map.entry("youthJustice.since", YOUTH_JUSTICE_SINCE),
            Map.entry("officerNotes", NOTES),
            Map.entry("people[0].givenName", GIVEN_NAME),
            Map.entry("people[0].familyName", FAMILY_NAME),
            Map.entry("people[0].dateOfBirth", DATE_OF_BIRTH),
            Map.entry("people[0].dateOfBirthExpected", DATE_OF_BIRTH),
            Map.entry("people[0].sex", SEX),
            Map.entry("people[0].nhsNumber", NHS_NUMBER),
            Map.entry("people[0].address.postcode", POSTCODE),
            Map.entry("people[0].address.uprn", UPRN),
            Map.entry("people[0].schoolUrn", SCHOOL_URN));

    private ExtractColumns() {}

    /** A header cell as a column name: {@code " Date of Birth "} and {@code DATE-OF-BIRTH} are {@code date_of_birth}. */
    static String normalise(String header) {
        String h = header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
        return h.replaceAll("[\\s-]+", "_");
    }

    /** The column a validation path is about; the row itself when none is. */
    static String forPath(String path) {
        String clean = path.replaceAll("\\.?<[a-z ]+>", "").replaceAll("^\\.", "");
        return BY_PATH.getOrDefault(clean, "row");
    }
}
