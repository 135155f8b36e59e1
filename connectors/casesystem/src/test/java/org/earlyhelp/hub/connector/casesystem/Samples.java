package org.earlyhelp.hub.connector.casesystem;

import jakarta.validation.Validation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.connector.api.StrictJsonReader;

/** The realistic samples under {@code src/test/resources/samples/}, read as the endpoints read them. */
final class Samples {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final StrictJsonReader READER =
            new StrictJsonReader(Validation.buildDefaultValidatorFactory().getValidator());

    private Samples() {}

    static String text(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link CaseSystemIntake#read}: the strict reader, then the mapper's checks, one rejection for either. */
    static <T> T read(String body, Class<T> type, Function<T, List<FieldError>> checks) {
        T value = READER.read(body.getBytes(StandardCharsets.UTF_8), type);
        List<FieldError> problems = checks.apply(value);
        if (!problems.isEmpty()) {
            throw new RequestRejected(problems);
        }
        return value;
    }

    static CaseSystemInvolvementRequest involvement(String body) {
        return read(body, CaseSystemInvolvementRequest.class, b -> CaseSystemInvolvementMapper.problems(b, TODAY));
    }

    static CaseSystemStandardInvolvementRequest standardInvolvement(String body) {
        return read(body, CaseSystemStandardInvolvementRequest.class, b -> b.problems(TODAY));
    }

    static CaseSystemReferralRequest referral(String body) {
        return read(body, CaseSystemReferralRequest.class, CaseSystemReferralMapper::problems);
    }

    static CaseSystemAssessmentRequest assessment(String body) {
        return read(body, CaseSystemAssessmentRequest.class, CaseSystemAssessmentMapper::problems);
    }
}
