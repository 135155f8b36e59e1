package org.earlyhelp.hub.app.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.earlyhelp.hub.governance.access.Caller;
import org.earlyhelp.hub.governance.access.Organisation;
import org.earlyhelp.hub.governance.access.Professional;

/**
 * TEMPORARY - TO BE REPLACED by the Spring Security work (Trust I point 1), which sets {@link
 * Caller#REQUEST_ATTRIBUTE} from per-organisation credentials. Until then this one helper binds the documented
 * development tokens of the embedded run to their organisations and sets the {@code Caller} for
 * {@link PartnerAuthenticationFilter}; the controllers already read only {@code Caller.REQUEST_ATTRIBUTE}, so deleting
 * this class and its two calls in the filter is the whole replacement. Outside the embedded run a partner token
 * binds to the organisation {@code <kind>:unassigned}, which owns no records and holds no relationships.
 */
public final class InterimCallers {

    static final String PROFESSIONAL_HEADER = "X-Hub-Professional";
    static final String ROLE_HEADER = "X-Hub-Professional-Role";

    /** The development credentials of the embedded run (README and /work/notes/common.md). */
    static final Map<String, Organisation> DEV_TOKENS = Map.of(
            "police-dev-token", new Organisation("police", "derbyshire"),
            "schools-dev-token", new Organisation("schools", "123456"),
            "school-654321-dev-token", new Organisation("schools", "654321"),
            "health-dev-token", new Organisation("health", "RFS"),
            "casesystem-dev-token", new Organisation("casesystem", "early-help-north"),
            "housing-dev-token", new Organisation("housing", "chesterfield-homes"),
            "council-dev-token", new Organisation("council", "education-service"),
            "governance-dev-token", new Organisation("governance", "board"));

    private InterimCallers() {}

    /** A development token's organisation, in the embedded run only. */
    static Optional<Organisation> devOrganisation(String token, boolean embedded) {
        return embedded ? Optional.ofNullable(DEV_TOKENS.get(token)) : Optional.empty();
    }

    /** Sets the caller (and the professional the headers name, if both are present and well formed). */
    static void attach(HttpServletRequest request, Organisation organisation) {
        Professional professional = null;
        String user = request.getHeader(PROFESSIONAL_HEADER);
        String role = request.getHeader(ROLE_HEADER);
        if (user != null && role != null) {
            try {
                professional = new Professional(user.strip(), role.strip());
            } catch (IllegalArgumentException e) {
                professional = null; // malformed: treated as not named, which a pull or consent answers with 400
            }
        }
        request.setAttribute(Caller.REQUEST_ATTRIBUTE, new Caller(organisation, professional));
    }
}
