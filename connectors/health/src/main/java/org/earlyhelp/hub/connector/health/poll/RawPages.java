package org.earlyhelp.hub.connector.health.poll;

import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the body of the client's last response, so the poller can read each entry of a search page as the server
 * sent it. The poller reads a page's entries straight after fetching the page, before anything else uses the client
 * (a referenced Patient's read replaces the body), and one poller polls at a time.
 */
final class RawPages implements IClientInterceptor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile byte[] last = new byte[0];

    @Override
    public void interceptRequest(IHttpRequest request) {
        last = new byte[0];
    }

    @Override
    public void interceptResponse(IHttpResponse response) throws IOException {
        response.bufferEntity();
        try (InputStream in = response.readEntity()) {
            last = in == null ? new byte[0] : in.readAllBytes();
        }
    }

    /**
     * The JSON of each entry's resource in the last page, in order.
     *
     * @param expected how many entries HAPI read from the page
     * @throws IllegalStateException when the body is not the page HAPI read (the type's poll then stops and retries)
     */
    List<String> entries(int expected) {
        List<String> out = new ArrayList<>();
        try {
            JsonNode entries =
                    JSON.readTree(new String(last, StandardCharsets.UTF_8)).path("entry");
            for (JsonNode entry : entries) {
                JsonNode resource = entry.path("resource");
                out.add(resource.isObject() ? JSON.writeValueAsString(resource) : null);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the page's body cannot be read again as JSON");
        }
        if (out.size() != expected) {
            throw new IllegalStateException("the page's body does not hold the entries read from it");
        }
        return out;
    }
}
