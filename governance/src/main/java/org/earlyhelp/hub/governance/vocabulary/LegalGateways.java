package org.earlyhelp.hub.governance.vocabulary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The legal gateways vocabulary, read from {@code legal-gateways.yaml} beside this class (data, not code: a new
 * gateway or a commencement is an edit of that file). Looked up by code (agreements) or by URI (requests).
 */
public final class LegalGateways {

    private static final Set<String> STATUSES = Set.of("in-force", "awaiting-commencement");

    private final Map<String, LegalGateway> byCode = new LinkedHashMap<>();
    private final Map<String, LegalGateway> byUri = new LinkedHashMap<>();

    LegalGateways(List<LegalGateway> gateways) {
        for (LegalGateway g : gateways) {
            if (byCode.put(g.code(), g) != null || byUri.put(g.uri(), g) != null) {
                throw new IllegalArgumentException("legal gateway listed twice: " + g.code());
            }
        }
    }

    private static final LegalGateways SHIPPED = load();

    /** The vocabulary the hub ships. */
    public static LegalGateways shipped() {
        return SHIPPED;
    }

    public Optional<LegalGateway> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** By the address a request gives; an {@code http:} spelling of an {@code https:} address is the same address. */
    public Optional<LegalGateway> byUri(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        String u = uri.startsWith("http://") ? "https://" + uri.substring("http://".length()) : uri;
        return Optional.ofNullable(byUri.get(u));
    }

    public List<LegalGateway> all() {
        return List.copyOf(byCode.values());
    }

    private static LegalGateways load() {
        try (InputStream in = LegalGateways.class.getResourceAsStream("legal-gateways.yaml")) {
            if (in == null) {
                throw new IllegalStateException("missing legal-gateways.yaml");
            }
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<LegalGateway> out = new ArrayList<>();
            for (JsonNode g : root.path("gateways")) {
                String status = g.path("status").asText();
                if (!STATUSES.contains(status)) {
                    throw new IllegalStateException("legal gateway status must be one of " + STATUSES);
                }
                out.add(new LegalGateway(
                        g.path("code").asText(),
                        g.path("uri").asText(),
                        g.path("title").asText(),
                        status.equals("in-force"),
                        g.path("lifts-consent").asBoolean(false)));
            }
            return new LegalGateways(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
