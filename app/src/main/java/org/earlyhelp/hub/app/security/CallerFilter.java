package org.earlyhelp.hub.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.earlyhelp.hub.connector.police.PoliceIncidentController;
import org.earlyhelp.hub.governance.access.Caller;
import org.earlyhelp.hub.governance.access.Professional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the authenticated {@link Caller} on the request ({@link Caller#REQUEST_ATTRIBUTE}, and the partner kind under
 * the older {@link PoliceIncidentController#PARTNER_ATTRIBUTE}), then applies the per-credential rate limit. The
 * professional is the JWT's, or for a bearer credential the one named by {@code X-Hub-Professional} and
 * {@code X-Hub-Professional-Role}; naming only one of the two, or a malformed one, is a 400.
 */
final class CallerFilter extends OncePerRequestFilter {

    static final String PROFESSIONAL = "X-Hub-Professional";
    static final String PROFESSIONAL_ROLE = "X-Hub-Professional-Role";

    private final TokenBuckets limits;

    /** @param limits null when rate limiting is off */
    CallerFilter(TokenBuckets limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof HubAuthentication hub) {
            if (limits != null && !limits.tryTake(hub.credentialId())) {
                response.setHeader("Retry-After", String.valueOf(limits.secondsUntilNext()));
                ErrorResponses.write(request, response, 429, "too many requests from this credential: slow down");
                return;
            }
            Professional professional = hub.professional();
            if (professional == null) {
                String user = request.getHeader(PROFESSIONAL);
                String role = request.getHeader(PROFESSIONAL_ROLE);
                if (user != null || role != null) {
                    try {
                        professional = new Professional(user, role);
                    } catch (IllegalArgumentException | NullPointerException e) {
                        ErrorResponses.write(
                                request,
                                response,
                                400,
                                "X-Hub-Professional and X-Hub-Professional-Role must both be given"
                                        + " (user id up to 128 characters, role up to 64)");
                        return;
                    }
                }
            }
            request.setAttribute(Caller.REQUEST_ATTRIBUTE, new Caller(hub.organisation(), professional));
            request.setAttribute(
                    PoliceIncidentController.PARTNER_ATTRIBUTE,
                    hub.organisation().kind());
        }
        chain.doFilter(request, response);
    }
}
