package org.earlyhelp.hub.connector.schools.inbound;

import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.connector.api.StrictJsonReader;

/**
 * Reads each body schools and the education service post, through the hub's one strict reader, adding the checks of
 * {@link SchoolsRecordMapper}: a body is either a value every later step can map, or a {@link RequestRejected} naming
 * fields and reasons and never a value.
 */
public final class SchoolsRecordReader {

    private final StrictJsonReader json;

    public SchoolsRecordReader(Validator validator) {
        this.json = new StrictJsonReader(validator);
    }

    public AttendanceRequest attendance(InputStream body) throws IOException {
        return json.read(body, AttendanceRequest.class, SchoolsRecordMapper::problems);
    }

    public SuspensionRequest suspension(InputStream body) throws IOException {
        return json.read(body, SuspensionRequest.class, people(SuspensionRequest::people));
    }

    public ExclusionRequest exclusion(InputStream body) throws IOException {
        return json.read(body, ExclusionRequest.class, people(ExclusionRequest::people));
    }

    public MissingEducationRequest missingEducation(InputStream body) throws IOException {
        return json.read(body, MissingEducationRequest.class, people(MissingEducationRequest::people));
    }

    public ElectiveHomeEducationRequest homeEducation(InputStream body) throws IOException {
        return json.read(body, ElectiveHomeEducationRequest.class, people(ElectiveHomeEducationRequest::people));
    }

    private static <T> Function<T, List<FieldError>> people(
            Function<T, List<org.earlyhelp.hub.connector.api.inbound.PersonInput>> of) {
        return value -> SchoolsRecordMapper.peopleProblems(of.apply(value));
    }
}
