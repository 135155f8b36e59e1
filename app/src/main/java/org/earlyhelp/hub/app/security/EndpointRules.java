package org.earlyhelp.hub.app.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Which credential kind may call which endpoint: the README's "Security model" table in code, checked against it and
 * against the application's handler mappings by {@code SecurityModelIT}. Kinds only: which organisation of a kind may
 * see which record is the agreements' business. Whatever no rule names is denied.
 */
final class EndpointRules {

    static final String POLICE = "police";
    static final String SCHOOLS = "schools";
    static final String HEALTH = "health";
    static final String CASESYSTEM = "casesystem";
    static final String GOVERNANCE = "governance";

    private EndpointRules() {}

    static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        // public: the console page, liveness and readiness (status only), the API documentation
        auth.requestMatchers(GET, "/", "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                .permitAll();
        auth.requestMatchers(GET, "/api-docs.html", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml")
                .permitAll();
        auth.requestMatchers(GET, "/swagger-ui/**").permitAll();
        // partners
        auth.requestMatchers(POST, "/api/police/incidents").hasRole(POLICE);
        auth.requestMatchers(POST, "/api/records").hasAnyRole(SCHOOLS, HEALTH, CASESYSTEM);
        auth.requestMatchers(GET, "/api/family-view").hasAnyRole(SCHOOLS, HEALTH, CASESYSTEM);
        auth.requestMatchers(POST, "/api/consent").hasAnyRole(SCHOOLS, HEALTH, CASESYSTEM);
        // the data governance board: ledger, directory, agreements, clerical review, operations
        auth.requestMatchers(
                        "/api/ledger/**",
                        "/api/directory/**",
                        "/api/agreements/**",
                        "/api/matching/**",
                        "/api-public/**",
                        "/actuator/**")
                .hasRole(GOVERNANCE);
        auth.anyRequest().denyAll();
    }
}
