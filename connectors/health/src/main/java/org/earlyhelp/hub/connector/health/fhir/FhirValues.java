package org.earlyhelp.hub.connector.health.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reading the R4 datatypes the mapping needs, the same way everywhere: text stripped and blank meaning absent, dates as
 * the sender wrote them (a partial date is its first day when it starts something and its last when it ends it), a
 * reference's display or identifier as whom to ask.
 */
final class FhirValues {

    private FhirValues() {}

    /** Stripped text, or null when null or blank. */
    static String text(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    static Optional<Coding> firstCoding(CodeableConcept concept) {
        if (concept == null) {
            return Optional.empty();
        }
        return concept.getCoding().stream()
                .filter(c -> text(c.getCode()) != null)
                .findFirst();
    }

    /** The first coding's code, or null. */
    static String code(CodeableConcept concept) {
        return firstCoding(concept).map(c -> text(c.getCode())).orElse(null);
    }

    /** The first coding's display, else the concept's text, or null. */
    static String display(CodeableConcept concept) {
        if (concept == null) {
            return null;
        }
        String display = concept.getCoding().stream()
                .map(c -> text(c.getDisplay()))
                .filter(d -> d != null)
                .findFirst()
                .orElse(null);
        return display != null ? display : text(concept.getText());
    }

    /** The concept's text, else its first coding's display, or null (what a person wrote rather than a code). */
    static String writtenText(CodeableConcept concept) {
        if (concept == null) {
            return null;
        }
        String t = text(concept.getText());
        return t != null ? t : display(concept);
    }

    /** Every code, display and text of the concepts, lower-cased, for recognising a service by its words. */
    static String words(List<CodeableConcept> concepts) {
        StringBuilder s = new StringBuilder();
        for (CodeableConcept c : concepts) {
            s.append(' ').append(c.getText() == null ? "" : c.getText());
            for (Coding coding : c.getCoding()) {
                s.append(' ').append(coding.getCode() == null ? "" : coding.getCode());
                s.append(' ').append(coding.getDisplay() == null ? "" : coding.getDisplay());
            }
        }
        return s.toString().toLowerCase(Locale.ROOT);
    }

    /** Whether any coding of the concepts has this system and code. */
    static boolean hasCode(List<CodeableConcept> concepts, String system, String code) {
        return concepts.stream()
                .flatMap(c -> c.getCoding().stream())
                .anyMatch(c -> system.equals(c.getSystem()) && code.equals(c.getCode()));
    }

    /** Whom a reference names, for a person to ask: its display, else its identifier's value, or null. */
    static String whom(Reference reference) {
        if (reference == null) {
            return null;
        }
        String display = text(reference.getDisplay());
        if (display != null) {
            return display;
        }
        return reference.hasIdentifier() ? text(reference.getIdentifier().getValue()) : null;
    }

    /** {@code Type/id} of a resource, or null without an id. */
    static String reference(Resource resource) {
        String id = resource.getIdElement().getIdPart();
        return text(id) == null ? null : resource.fhirType() + "/" + id.strip();
    }

    /** The first day a date or dateTime covers, as written (its own time zone); null for none. */
    static LocalDate firstDay(BaseDateTimeType date) {
        if (date == null || date.getValue() == null || date.getYear() == null) {
            return null;
        }
        TemporalPrecisionEnum precision = date.getPrecision();
        int year = date.getYear();
        if (precision == TemporalPrecisionEnum.YEAR) {
            return LocalDate.of(year, 1, 1);
        }
        int month = date.getMonth() + 1;
        if (precision == TemporalPrecisionEnum.MONTH) {
            return LocalDate.of(year, month, 1);
        }
        return LocalDate.of(year, month, date.getDay());
    }

    /** The last day a date or dateTime covers, as written; null for none. */
    static LocalDate lastDay(BaseDateTimeType date) {
        LocalDate first = firstDay(date);
        if (first == null) {
            return null;
        }
        return switch (date.getPrecision()) {
            case YEAR -> LocalDate.of(first.getYear(), 12, 31);
            case MONTH -> YearMonth.from(first).atEndOfMonth();
            default -> first;
        };
    }

    /** A date given to the day, or null for none or a partial date (a year or month says no day of birth). */
    static LocalDate exactDay(BaseDateTimeType date) {
        if (date == null || date.getValue() == null || date.getPrecision() == null) {
            return null;
        }
        return date.getPrecision().ordinal() >= TemporalPrecisionEnum.DAY.ordinal() ? firstDay(date) : null;
    }

    /** The instant a dateTime starts at (a partial one: its first moment in UTC); null for none. */
    static Instant instant(BaseDateTimeType date) {
        return date == null || date.getValue() == null ? null : date.getValue().toInstant();
    }
}
