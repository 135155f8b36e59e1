package org.earlyhelp.hub.connector.casesystem;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.inbound.NhsNumbers;
import org.earlyhelp.hub.schema.Address;
import org.earlyhelp.hub.schema.LocalId;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.Role;
import org.earlyhelp.hub.schema.Sex;

/**
 * Checks a person in the DfE draft Person standard shape (reporting problems by the standard's own key names, never
 * a value) and maps them to the canonical person. An NHS number (system {@value #NHS_NUMBER_SYSTEM}) is checked by
 * its check digit; every other identifier is kept as a local id of its system. The first given name is the given
 * name (middle names and preferred names are not kept). A date of birth is kept only when every part is accurate
 * (indicator absent or {@code AAA}): an estimated or unknown day, month or year would mislead matching. The first
 * address is the current one. Sex comes from {@code SexCode} (1 male, 2 female, 9 indeterminate, X not known); stated
 * gender is checked but not used for matching, as the standard says it does not pertain to sex.
 */
final class CaseSystemPersonStandardMapper {

    static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
    static final String VOCABULARY = "https://socialcaredata.github.io/spec/";
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern ACCURACY = Pattern.compile("[AEU]{3}");
    private static final Pattern CODE = Pattern.compile("[129X]");
    private static final Pattern POSTCODE = Pattern.compile("(?i)[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}");
    private static final Set<String> NAME_USES =
            Set.of("usual", "official", "temp", "nickname", "anonymous", "old", "maiden");

    private CaseSystemPersonStandardMapper() {}

    static List<FieldError> problems(CaseSystemPersonStandard p, String path, LocalDate today) {
        Problems out = new Problems(path);
        if (p.context() != null && !VOCABULARY.equals(p.context().vocab())) {
            out.add("@context.@vocab", "must be the Person standard's vocabulary " + VOCABULARY);
        }
        if (p.type() != null && !p.type().equals("Person")) {
            out.add("@type", "must be Person");
        }
        identifiers(p.identifiers(), out);
        name(p.name(), out);
        dateOfBirth(p.dateOfBirth(), today, out);
        addresses(p.addresses(), out);
        if (p.gender() != null && !CODE.matcher(p.gender()).matches()) {
            out.add("Gender", "must be a person stated gender code: 1, 2, 9 or X");
        }
        if (p.sexCode() != null && !CODE.matcher(p.sexCode()).matches()) {
            out.add("SexCode", "must be a phenotypic sex code: 1, 2, 9 or X");
        }
        return out.list;
    }

    private static void identifiers(List<CaseSystemPersonStandard.Identifier> ids, Problems out) {
        if (ids == null || ids.isEmpty()) {
            out.add("Identifier", "must hold at least one identifier with its system");
            return;
        }
        if (ids.size() > 10) {
            out.add("Identifier", "must hold at most 10 identifiers");
            return;
        }
        int nhs = 0;
        for (int i = 0; i < ids.size(); i++) {
            String at = "Identifier[" + i + "]";
            CaseSystemPersonStandard.Identifier id = ids.get(i);
            if (id == null) {
                out.add(at, "must be an object with value and system");
                continue;
            }
            if (!absoluteUri(id.system())) {
                out.add(at + ".system", "must be an absolute URI of at most 200 characters");
            }
            if (id.value() == null || id.value().isBlank() || id.value().length() > 64) {
                out.add(at + ".value", "must be 1 to 64 characters");
            } else if (NHS_NUMBER_SYSTEM.equals(id.system())) {
                nhs++;
                String digits = id.value().replace(" ", "");
                if (!digits.matches("[0-9]{10}")) {
                    out.add(at + ".value", "an NHS number must be 10 digits");
                } else if (!NhsNumbers.valid(digits)) {
                    out.add(at + ".value", "fails the NHS number check digit");
                }
            }
        }
        if (nhs > 1) {
            out.add("Identifier", "must hold at most one NHS number");
        }
    }

    private static void name(CaseSystemPersonStandard.Name name, Problems out) {
        if (name == null) {
            out.add("Name", "is required");
            return;
        }
        if (!text(name.familyName(), 100)) {
            out.add("Name.familyName", "must be 1 to 100 characters");
        }
        if (name.givenNames() == null
                || name.givenNames().isEmpty()
                || name.givenNames().size() > 5) {
            out.add("Name.givenNames", "must hold 1 to 5 names");
        } else {
            for (int i = 0; i < name.givenNames().size(); i++) {
                if (!text(name.givenNames().get(i), 100)) {
                    out.add("Name.givenNames[" + i + "]", "must be 1 to 100 characters");
                }
            }
        }
        if (name.preferredNames() != null) {
            if (name.preferredNames().size() > 5) {
                out.add("Name.preferredNames", "must hold at most 5 names");
            } else {
                for (int i = 0; i < name.preferredNames().size(); i++) {
                    if (!text(name.preferredNames().get(i), 100)) {
                        out.add("Name.preferredNames[" + i + "]", "must be 1 to 100 characters");
                    }
                }
            }
        }
        if (name.use() != null && !NAME_USES.contains(name.use())) {
            out.add("Name.use", "must be a FHIR name use: usual, official, temp, nickname, anonymous, old or maiden");
        }
    }

    private static void dateOfBirth(CaseSystemPersonStandard.DateOfBirth dob, LocalDate today, Problems out) {
        if (dob == null) {
            out.add("DateOfBirth", "is required (its date may be left out when unknown)");
            return;
        }
        if (dob.accuracyIndicator() != null
                && !ACCURACY.matcher(dob.accuracyIndicator()).matches()) {
            out.add("DateOfBirth.accuracyIndicator", "must be three of A, E or U (day, month, year)");
        }
        if (dob.date() == null) {
            if (dob.accuracyIndicator() != null && !dob.accuracyIndicator().equals("UUU")) {
                out.add("DateOfBirth.date", "is required unless every part is unknown (UUU)");
            }
            return;
        }
        LocalDate date = parse(dob.date());
        if (date == null) {
            out.add("DateOfBirth.date", "is not a real date (YYYY-MM-DD)");
        } else if (date.isBefore(EARLIEST) || date.isAfter(today)) {
            out.add("DateOfBirth.date", "must lie between 1900-01-01 and today");
        }
    }

    private static void addresses(List<CaseSystemPersonStandard.Address> addresses, Problems out) {
        if (addresses == null) {
            return;
        }
        if (addresses.size() > 5) {
            out.add("Address", "must hold at most 5 addresses");
            return;
        }
        for (int i = 0; i < addresses.size(); i++) {
            String at = "Address[" + i + "]";
            CaseSystemPersonStandard.Address a = addresses.get(i);
            if (a == null) {
                out.add(at, "must be an object");
                continue;
            }
            if (!text(a.line1(), 200)) {
                out.add(at + ".line1", "must be 1 to 200 characters");
            }
            if (a.line2() != null && !text(a.line2(), 200)) {
                out.add(at + ".line2", "must be 1 to 200 characters");
            }
            if (!text(a.city(), 100)) {
                out.add(at + ".city", "must be 1 to 100 characters");
            }
            if (a.postcode() == null || !POSTCODE.matcher(a.postcode().strip()).matches()) {
                out.add(at + ".postcode", "must be a UK postcode such as S41 7AB");
            }
            if (a.uprn() != null && (a.uprn() < 1 || a.uprn() > 999_999_999_999L)) {
                out.add(at + ".UPRN", "must be a whole number of 1 to 12 digits");
            }
            if (a.usrn() != null && (a.usrn() < 1 || a.usrn() > 99_999_999L)) {
                out.add(at + ".USRN", "must be a whole number of 1 to 8 digits");
            }
        }
    }

    /** The canonical person; only for a person {@link #problems} found nothing wrong with. */
    static Person toAvro(String ref, String role, CaseSystemPersonStandard p) {
        String nhsNumber = null;
        List<LocalId> localIds = new ArrayList<>();
        for (CaseSystemPersonStandard.Identifier id : p.identifiers()) {
            if (NHS_NUMBER_SYSTEM.equals(id.system())) {
                nhsNumber = id.value().replace(" ", "");
            } else {
                localIds.add(new LocalId(id.system(), id.value().strip()));
            }
        }
        CaseSystemPersonStandard.DateOfBirth dob = p.dateOfBirth();
        boolean accurate =
                dob.accuracyIndicator() == null || dob.accuracyIndicator().equals("AAA");
        return Person.newBuilder()
                .setRef(ref)
                .setRole(Role.valueOf(role))
                .setNhsNumber(nhsNumber)
                .setLocalIds(localIds)
                .setGivenName(p.name().givenNames().get(0).strip())
                .setFamilyName(p.name().familyName().strip())
                .setDateOfBirth(accurate && dob.date() != null ? parse(dob.date()) : null)
                .setSex(sex(p.sexCode()))
                .setAddress(
                        p.addresses() == null || p.addresses().isEmpty()
                                ? null
                                : address(p.addresses().get(0)))
                .build();
    }

    private static Address address(CaseSystemPersonStandard.Address a) {
        List<String> lines = new ArrayList<>();
        lines.add(a.line1().strip());
        if (a.line2() != null) {
            lines.add(a.line2().strip());
        }
        lines.add(a.city().strip());
        return Address.newBuilder()
                .setLines(lines)
                .setPostcode(a.postcode().strip().toUpperCase(Locale.ROOT))
                .setUprn(a.uprn() == null ? null : Long.toString(a.uprn()))
                .build();
    }

    private static Sex sex(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "1" -> Sex.MALE;
            case "2" -> Sex.FEMALE;
            case "9" -> Sex.OTHER;
            default -> Sex.UNKNOWN;
        };
    }

    private static LocalDate parse(String text) {
        if (!DATE.matcher(text).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean text(String s, int max) {
        return s != null && !s.isBlank() && s.length() <= max;
    }

    private static boolean absoluteUri(String s) {
        if (s == null || s.isBlank() || s.length() > 200) {
            return false;
        }
        try {
            URI uri = new URI(s);
            return uri.isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Problems under one person's path. */
    private static final class Problems {
        final String path;
        final List<FieldError> list = new ArrayList<>();

        Problems(String path) {
            this.path = path;
        }

        void add(String field, String reason) {
            list.add(new FieldError(path + "." + field, reason));
        }
    }
}
