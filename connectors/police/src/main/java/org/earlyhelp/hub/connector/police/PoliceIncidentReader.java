package org.earlyhelp.hub.connector.police;

import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.StrictJsonReader;
import org.earlyhelp.hub.connector.api.inbound.NhsNumbers;

/**
 * Turns a request body into a valid {@link PoliceIncidentRequest} or a {@code RequestRejected} that names each field
 * and reason. The hub's one {@link StrictJsonReader} bounds and parses it; this adds what only an incident needs: not
 * in the future, at least one child, refs unique, a correct NHS check digit, school details for children only.
 */
public final class PoliceIncidentReader {

    static final int MAX_BODY_BYTES = StrictJsonReader.DEFAULT_MAX_BODY_BYTES;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final StrictJsonReader json;
    private final Clock clock;

    public PoliceIncidentReader(Validator validator, Clock clock) {
        this.json = new StrictJsonReader(validator, MAX_BODY_BYTES);
        this.clock = clock;
    }

    /** Reads at most {@value #MAX_BODY_BYTES} bytes, then parses and validates. */
    public PoliceIncidentRequest read(InputStream body) throws IOException {
        return json.read(body, PoliceIncidentRequest.class, this::check);
    }

    private List<FieldError> check(PoliceIncidentRequest request) {
        List<FieldError> errors = new ArrayList<>();
        OffsetDateTime latest = OffsetDateTime.now(clock).plus(CLOCK_SKEW);
        if (request.occurredAt() != null && request.occurredAt().isAfter(latest)) {
            errors.add(new FieldError("occurredAt", "must not be in the future"));
        }
        if (request.people() != null) {
            Set<String> refs = new HashSet<>();
            boolean child = false;
            for (int i = 0; i < request.people().size(); i++) {
                PoliceIncidentRequest.PersonDto p = request.people().get(i);
                if (p == null) {
                    continue;
                }
                String at = "people[" + i + "]";
                if (p.ref() != null && !refs.add(p.ref())) {
                    errors.add(new FieldError(at + ".ref", "duplicates another person's ref"));
                }
                child |= "CHILD".equals(p.role());
                if (p.nhsNumber() != null && p.nhsNumber().matches("[0-9]{10}") && !NhsNumbers.valid(p.nhsNumber())) {
                    errors.add(new FieldError(at + ".nhsNumber", "check digit is wrong"));
                }
                if ("CHILD".equals(p.role()) && p.dateOfBirth() == null) {
                    errors.add(new FieldError(at + ".dateOfBirth", "is required for a child"));
                }
                if (!"CHILD".equals(p.role()) && (p.schoolUrn() != null || p.present() != null)) {
                    errors.add(new FieldError(at, "schoolUrn and present are for children only"));
                }
            }
            if (!child) {
                errors.add(new FieldError("people", "must include at least one CHILD"));
            }
        }
        return errors;
    }
}
