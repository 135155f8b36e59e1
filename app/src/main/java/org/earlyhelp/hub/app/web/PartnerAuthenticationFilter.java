package org.earlyhelp.hub.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import org.earlyhelp.hub.app.config.HubProperties;
import org.earlyhelp.hub.connector.police.PoliceIncidentController;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every {@code /api/} request must carry a partner's own bearer token. The partner it identifies is the only source
 * of "who sent this": a record's provider is never read from its body. Tokens are compared by digest in constant time.
 */
@Component
public class PartnerAuthenticationFilter extends OncePerRequestFilter {

    static final String GOVERNANCE = "governance";

    private final Map<String, byte[]> digestToPartner = new HashMap<>();

    public PartnerAuthenticationFilter(HubProperties hub) {
        hub.security().partnerTokens().forEach((partner, token) -> {
            if (token == null || token.length() < 12) {
                throw new IllegalStateException(
                        "hub.security.partner-tokens." + partner + " must be at least 12 characters");
            }
            if (!hub.embedded().enabled() && token.endsWith("-dev-token")) {
                throw new IllegalStateException("hub.security.partner-tokens." + partner
                        + " is a development token; set a real one before running against external infrastructure");
            }
            byte[] digest = digest(token);
            digestToPartner.put(partner, digest);
        });
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        String partner = null;
        if (header != null && header.startsWith("Bearer ")) {
            byte[] presented = digest(header.substring("Bearer ".length()).strip());
            for (Map.Entry<String, byte[]> e : digestToPartner.entrySet()) {
                if (MessageDigest.isEqual(presented, e.getValue())) {
                    partner = e.getKey();
                }
            }
        }
        if (partner == null) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"early-help-hub\"");
            response.setContentType("application/json");
            response.getWriter()
                    .write("{\"errors\":[{\"field\":null,\"reason\":\"a partner bearer token is required\"}]}");
            return;
        }
        request.setAttribute(PoliceIncidentController.PARTNER_ATTRIBUTE, partner);
        chain.doFilter(request, response);
    }

    /** The partner behind the request, or null. */
    static String partnerOf(HttpServletRequest request) {
        return (String) request.getAttribute(PoliceIncidentController.PARTNER_ATTRIBUTE);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
