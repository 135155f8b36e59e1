package org.earlyhelp.hub.connector.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Thrown by the strict deserializers: a value of the right place but the wrong kind. Jackson adds the JSON path as
 * it unwinds; the reason is fixed text, never the value.
 */
final class RefusedValue extends JsonMappingException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    RefusedValue(JsonParser parser, String reason) {
        super(parser, reason);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
