package org.earlyhelp.hub.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.earlyhelp.hub.connector.police.PoliceIncidentController;
import org.earlyhelp.hub.governance.access.Caller;
import org.earlyhelp.hub.governance.access.Organisation;
import org.earlyhelp.hub.governance.access.Professional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;

class CallerFilterTest {

    private final CallerFilter filter = new CallerFilter(null);
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/family-view");
    private final MockHttpServletResponse response = new MockHttpServletResponse();
    private final MockFilterChain chain = new MockFilterChain();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aBearerCredentialsCallerIsItsOrganisationWithTheProfessionalTheHeadersName() throws Exception {
        // Given a request authenticated by a school's credential, naming its professional in the headers
        authenticate(new HubAuthentication(new Organisation("schools", "123456"), "dev-schools-123456", null));
        request.addHeader("X-Hub-Professional", "t.teacher");
        request.addHeader("X-Hub-Professional-Role", "designated-safeguarding-lead");
        // When it passes the filter
        filter.doFilter(request, response, chain);
        // Then the caller and the partner kind are on the request
        assertThat(request.getAttribute(Caller.REQUEST_ATTRIBUTE))
                .isEqualTo(new Caller(
                        new Organisation("schools", "123456"),
                        new Professional("t.teacher", "designated-safeguarding-lead")));
        assertThat(request.getAttribute(PoliceIncidentController.PARTNER_ATTRIBUTE))
                .isEqualTo("schools");
        assertThat(chain.getRequest()).isNotNull();
    }

    @Test
    void aJwtsProfessionalIsItsClaimsNotTheHeaders() throws Exception {
        Professional claimed = new Professional("u-4711", "lead-practitioner");
        authenticate(new HubAuthentication(new Organisation("casesystem", "early-help-north"), "jwt:x", claimed));
        request.addHeader("X-Hub-Professional", "someone-else");
        request.addHeader("X-Hub-Professional-Role", "admin");
        filter.doFilter(request, response, chain);
        assertThat(((Caller) request.getAttribute(Caller.REQUEST_ATTRIBUTE)).professional())
                .isEqualTo(claimed);
    }

    @Test
    void aProfessionalWithoutARoleIsRefusedWithA400AndGoesNoFurther() throws Exception {
        authenticate(new HubAuthentication(new Organisation("schools", "123456"), "dev-schools-123456", null));
        request.addHeader("X-Hub-Professional", "t.teacher");
        filter.doFilter(request, response, chain);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).startsWith("{\"errors\":[{\"field\":null,\"reason\":");
        assertThat(chain.getRequest()).isNull();
        assertThat(request.getAttribute(Caller.REQUEST_ATTRIBUTE)).isNull();
    }

    @Test
    void noCallerIsSetForAnAnonymousRequest() throws Exception {
        filter.doFilter(request, response, chain);
        assertThat(request.getAttribute(Caller.REQUEST_ATTRIBUTE)).isNull();
        assertThat(request.getAttribute(PoliceIncidentController.PARTNER_ATTRIBUTE))
                .isNull();
    }

    private static void authenticate(HubAuthentication authentication) {
        SecurityContextHolder.getContext().setAuthentication(authentication);
    }
}
