package org.earlyhelp.hub.connector.police.extract;

import static org.earlyhelp.hub.connector.police.extract.ExtractColumns.*;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.inbound.AddressInput;
import org.earlyhelp.hub.connector.api.inbound.PersonInput;
import org.earlyhelp.hub.connector.police.events.AntiSocialBehaviourRequest;
import org.earlyhelp.hub.connector.police.events.MissingEpisodeRequest;
import org.earlyhelp.hub.connector.police.events.PoliceEventChecks;
import org.earlyhelp.hub.connector.police.events.PoliceEventRequest;
import org.earlyhelp.hub.connector.police.events.YouthOffendingRequest;

/**
 * Builds from one row the same request its HTTP endpoint takes (the child as the one person, ref {@code c1}) and
 * checks it the same way, so a row and a post are accepted, refused and mapped alike. Every problem of the row is in
 * the one reason, by column.
 */
final class ExtractRowMapper {

    static final int MAX_CELL_CHARS = 4000;
    static final String CHILD_REF = "c1";

    private final Validator validator;
    private final Clock clock;

    ExtractRowMapper(Validator validator, Clock clock) {
        this.validator = validator;
        this.clock = clock;
    }

    /** The row's request, or the row's problems by column (never a value). */
    sealed interface Mapped {}

    record Request(PoliceEventRequest request) implements Mapped {}

    record Problems(String reason) implements Mapped {}

    Mapped map(Map<String, String> row) {
        TreeSet<String> problems = new TreeSet<>();
        for (Map.Entry<String, String> cell : row.entrySet()) {
            String v = cell.getValue();
            if (v != null && v.length() > MAX_CELL_CHARS) {
                problems.add(cell.getKey() + ": is longer than " + MAX_CELL_CHARS + " characters");
            } else if (v != null && v.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                problems.add(cell.getKey() + ": contains control characters");
            }
        }
        if (!problems.isEmpty()) {
            return new Problems(String.join("; ", problems));
        }
        PoliceEventRequest request;
        try {
            request = build(row);
        } catch (ExtractValues.CellProblem e) {
            return new Problems(e.getMessage());
        }
        if (request == null) {
            return new Problems(RECORD_TYPE + ": must be missing-episode, anti-social-behaviour or youth-offending");
        }
        for (ConstraintViolation<PoliceEventRequest> v : validator.validate(request)) {
            problems.add(forPath(v.getPropertyPath().toString()) + ": " + v.getMessage());
        }
        for (FieldError e : PoliceEventChecks.problems(request, clock)) {
            problems.add(forPath(e.field()) + ": " + e.reason());
        }
        return problems.isEmpty() ? new Request(request) : new Problems(String.join("; ", problems));
    }

    private PoliceEventRequest build(Map<String, String> row) {
        String type = ExtractValues.type(row.get(RECORD_TYPE));
        if (type == null) {
            return null;
        }
        List<PersonInput> people = List.of(child(row));
        String reference = row.get(REFERENCE);
        String notes = row.get(NOTES);
        return switch (type) {
            case MissingEpisodeRequest.TYPE ->
                new MissingEpisodeRequest(
                        reference,
                        ExtractValues.symbol(row.get(MISSING_EVENT)),
                        ExtractValues.time(OCCURRED_AT, row.get(OCCURRED_AT)),
                        ExtractValues.symbol(row.get(RISK_LEVEL)),
                        row.get(LOCATION_POSTCODE),
                        notes,
                        people,
                        null); // a CSV extract marks nothing withheld
            case AntiSocialBehaviourRequest.TYPE ->
                new AntiSocialBehaviourRequest(
                        reference,
                        ExtractValues.time(OCCURRED_AT, row.get(OCCURRED_AT)),
                        ExtractValues.symbol(row.get(ASB_CATEGORY)),
                        ExtractValues.symbol(row.get(ASB_ACTION)),
                        row.get(LOCATION_POSTCODE),
                        notes,
                        people,
                        null); // a CSV extract marks nothing withheld
            case YouthOffendingRequest.TYPE ->
                new YouthOffendingRequest(
                        reference,
                        ExtractValues.time(OCCURRED_AT, row.get(OCCURRED_AT)),
                        ExtractValues.symbol(row.get(OUTCOME)),
                        row.get(OFFENCE_GROUP),
                        youthJustice(row),
                        notes,
                        people,
                        null); // a CSV extract marks nothing withheld
            default -> null;
        };
    }

    private static PersonInput child(Map<String, String> row) {
        String postcode = row.get(POSTCODE);
        String uprn = row.get(UPRN);
        return new PersonInput(
                CHILD_REF,
                "CHILD",
                row.get(GIVEN_NAME),
                row.get(FAMILY_NAME),
                ExtractValues.date(DATE_OF_BIRTH, row.get(DATE_OF_BIRTH)),
                ExtractValues.sex(row.get(SEX)),
                ExtractValues.nhsNumber(row.get(NHS_NUMBER)),
                null,
                postcode == null && uprn == null ? null : new AddressInput(null, postcode, uprn),
                row.get(SCHOOL_URN),
                null);
    }

    private static YouthOffendingRequest.YouthJustice youthJustice(Map<String, String> row) {
        String team = row.get(YOUTH_JUSTICE_TEAM);
        String since = row.get(YOUTH_JUSTICE_SINCE);
        if (team == null && since == null) {
            return null;
        }
        return new YouthOffendingRequest.YouthJustice(team, ExtractValues.date(YOUTH_JUSTICE_SINCE, since));
    }
}
