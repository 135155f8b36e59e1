package org.earlyhelp.hub.connector.health.fhir;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.PlausibleDateOfBirthValidator;
import org.earlyhelp.hub.schema.Address;
import org.earlyhelp.hub.schema.LocalId;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.Role;
import org.earlyhelp.hub.schema.Sex;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;

/**
 * The canonical person from the parts a Patient and a RelatedPerson share, by the rules the hub's JSON intake applies
 * to every partner ({@code PersonInput}): a given and a family name of at most 100 characters, a plausible date of
 * birth (1900 on, not in the future: a FHIR Patient has no expected date of birth), an NHS number only when it passes
 * the check digit. Which name and address: the current official one, else usual, else one with no stated use (never
 * an old, maiden, nickname, temporary or anonymous name); the current home address, else a temporary one, else one
 * with no stated use (never work, billing or old).
 */
final class PersonParts {

    static final int MAX_NAME = 100;

    private static final Set<String> NAME_USES = Set.of("official", "usual", "");
    private static final List<String> ADDRESS_USES = List.of("home", "temp", "");

    private PersonParts() {}

    /** The chosen name's given names (joined by a space) and family, each null when absent. */
    record Name(String given, String family) {
        boolean complete() {
            return given != null && family != null;
        }
    }

    static Name name(List<HumanName> names, LocalDate today, String path) {
        for (String use : List.of("official", "usual", "")) {
            for (int i = 0; i < names.size(); i++) {
                HumanName n = names.get(i);
                String u = n.hasUse() ? n.getUse().toCode() : "";
                if (!use.equals(u)
                        || !NAME_USES.contains(u)
                        || ended(n.getPeriod().getEndElement(), today)) {
                    continue;
                }
                List<String> given = n.getGiven().stream()
                        .map(g -> FhirValues.text(g.getValue()))
                        .filter(g -> g != null)
                        .toList();
                Name name = new Name(given.isEmpty() ? null : String.join(" ", given), FhirValues.text(n.getFamily()));
                if (name.given() != null && name.given().length() > MAX_NAME) {
                    throw new MappingFailure("value", path + ".name[" + i + "].given", "is longer than 100 characters");
                }
                if (name.family() != null && name.family().length() > MAX_NAME) {
                    throw new MappingFailure(
                            "value", path + ".name[" + i + "].family", "is longer than 100 characters");
                }
                if (name.complete()) {
                    return name;
                }
            }
        }
        return new Name(null, null);
    }

    /** The valid NHS number among the identifiers, or null; an NHS-number identifier failing the check is refused. */
    static String nhsNumber(List<Identifier> identifiers, String path) {
        String found = null;
        for (int i = 0; i < identifiers.size(); i++) {
            Identifier id = identifiers.get(i);
            if (!NhsNumber.SYSTEM.equals(id.getSystem())) {
                continue;
            }
            if (!NhsNumber.valid(id.getValue())) {
                throw new MappingFailure(
                        "value",
                        path + ".identifier[" + i + "].value",
                        "is not an NHS number: ten digits, no spaces, with a valid modulus 11 check digit");
            }
            if (found != null && !found.equals(id.getValue())) {
                throw new MappingFailure(
                        "business-rule", path + ".identifier[" + i + "].value", "is a second, different NHS number");
            }
            found = id.getValue();
        }
        return found;
    }

    /** Every other identifier with a system and a value, as the sender's local ids (a value without a system says nothing). */
    static List<LocalId> localIds(List<Identifier> identifiers) {
        List<LocalId> out = new ArrayList<>();
        for (Identifier id : identifiers) {
            String system = FhirValues.text(id.getSystem());
            String value = FhirValues.text(id.getValue());
            if (system != null && value != null && !NhsNumber.SYSTEM.equals(system)) {
                LocalId local = new LocalId(system, value);
                if (!out.contains(local)) {
                    out.add(local);
                }
            }
        }
        return out;
    }

    /** The date of birth to the day, checked for plausibility; null when absent or only a year or month. */
    static LocalDate birthDate(DateType birthDate, LocalDate today, String path) {
        LocalDate dob = FhirValues.exactDay(birthDate);
        if (dob == null) {
            return null;
        }
        if (dob.isAfter(today)) {
            throw new MappingFailure("business-rule", path + ".birthDate", "is in the future");
        }
        FieldError problem =
                PlausibleDateOfBirthValidator.problem(dob, false, today).orElse(null);
        if (problem != null) {
            throw new MappingFailure(
                    "business-rule", path + ".birthDate", "is not a plausible date of birth: " + problem.reason());
        }
        return dob;
    }

    static Sex sex(AdministrativeGender gender) {
        if (gender == null) {
            return null;
        }
        return switch (gender) {
            case MALE -> Sex.MALE;
            case FEMALE -> Sex.FEMALE;
            case OTHER -> Sex.OTHER;
            case UNKNOWN -> Sex.UNKNOWN;
            default -> null;
        };
    }

    /** The current home address, lines then city as the last line, the postcode in UK form when it is one. */
    static Address address(List<org.hl7.fhir.r4.model.Address> addresses, LocalDate today) {
        for (String use : ADDRESS_USES) {
            for (org.hl7.fhir.r4.model.Address a : addresses) {
                String u = a.hasUse() ? a.getUse().toCode() : "";
                if (!use.equals(u) || ended(a.getPeriod().getEndElement(), today)) {
                    continue;
                }
                List<String> lines = new ArrayList<>();
                a.getLine().stream()
                        .map(l -> FhirValues.text(l.getValue()))
                        .filter(l -> l != null)
                        .forEach(lines::add);
                String city = FhirValues.text(a.getCity());
                if (city != null) {
                    lines.add(city);
                }
                String postcode = UkPostcode.normalise(a.getPostalCode());
                if (!lines.isEmpty() || postcode != null) {
                    return Address.newBuilder()
                            .setLines(lines)
                            .setPostcode(postcode)
                            .build();
                }
            }
        }
        return null;
    }

    /** CHILD when the date of birth says under 18 today; OTHER when older or not known. */
    static Role ageRole(LocalDate dob, LocalDate today) {
        return dob != null && Period.between(dob, today).getYears() < 18 ? Role.CHILD : Role.OTHER;
    }

    static Person.Builder person(String ref, Role role, Name name) {
        return Person.newBuilder()
                .setRef(ref)
                .setRole(role)
                .setGivenName(name.given())
                .setFamilyName(name.family())
                .setLocalIds(List.of());
    }

    private static boolean ended(org.hl7.fhir.r4.model.DateTimeType end, LocalDate today) {
        LocalDate last = FhirValues.lastDay(end);
        return last != null && last.isBefore(today);
    }
}
