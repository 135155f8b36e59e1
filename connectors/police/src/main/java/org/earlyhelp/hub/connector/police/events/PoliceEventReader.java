package org.earlyhelp.hub.connector.police.events;

import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import org.earlyhelp.hub.connector.api.StrictJsonReader;

/**
 * Turns a request body into a valid police event or a {@code RequestRejected} naming each field and reason: the hub's
 * one {@link StrictJsonReader} bounds, parses and validates it, {@link PoliceEventChecks} adds the rest.
 */
public final class PoliceEventReader {

    static final int MAX_BODY_BYTES = StrictJsonReader.DEFAULT_MAX_BODY_BYTES;

    private final StrictJsonReader json;
    private final Clock clock;

    public PoliceEventReader(Validator validator, Clock clock) {
        this.json = new StrictJsonReader(validator, MAX_BODY_BYTES);
        this.clock = clock;
    }

    public <T extends PoliceEventRequest> T read(InputStream body, Class<T> type) throws IOException {
        return json.read(body, type, request -> PoliceEventChecks.problems(request, clock));
    }
}
