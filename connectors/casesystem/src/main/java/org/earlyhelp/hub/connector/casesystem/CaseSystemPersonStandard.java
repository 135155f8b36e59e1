package org.earlyhelp.hub.connector.casesystem;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One person in the DfE draft Person Data Standard (Identification) shape, version 0.2: identifiers with their
 * systems, name parts, date of birth with an accuracy indicator, addresses with UPRN, stated gender and phenotypic
 * sex, under the standard's own (JSON-LD) key names. Checked by {@link CaseSystemPersonStandardMapper}, which reports
 * problems by these key names; the standard's references to other records (RelatedPerson, primaryContactProfessional,
 * statuses) are not taken: relationships come in the involvement.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record CaseSystemPersonStandard(
        @JsonProperty("@context") Context context,
        @JsonProperty("@type") String type,
        @JsonProperty("Identifier") List<Identifier> identifiers,
        @JsonProperty("Name") Name name,
        @JsonProperty("DateOfBirth") DateOfBirth dateOfBirth,
        @JsonProperty("Address") List<Address> addresses,
        @JsonProperty("Gender") String gender,
        @JsonProperty("SexCode") String sexCode) {

    /** The JSON-LD context as the standard's example gives it. */
    public record Context(@JsonProperty("@language") String language, @JsonProperty("@vocab") String vocab) {}

    /** An identifier and the URI of the system it belongs to (e.g. https://fhir.nhs.uk/Id/nhs-number). */
    public record Identifier(String value, String system) {}

    /** Family name, given names (first, then middle), preferred names and the FHIR name use. */
    public record Name(String familyName, List<String> givenNames, List<String> preferredNames, String use) {}

    /**
     * The date, and which of its parts (day, month, year, in that order, as NHS date accuracy indicators) are
     * accurate (A), estimated (E) or unknown (U).
     */
    public record DateOfBirth(String date, String accuracyIndicator) {}

    /** A structured address; UPRN and USRN are numbers in the standard. */
    public record Address(
            String line1,
            String line2,
            String city,
            String postcode,
            @JsonProperty("UPRN") Long uprn,
            @JsonProperty("USRN") Long usrn) {}
}
