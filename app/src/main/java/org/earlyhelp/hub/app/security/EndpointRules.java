package org.earlyhelp.hub.app.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.earlyhelp.hub.connector.api.Connector;
import org.earlyhelp.hub.connector.api.Connectors;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Which credential kind may call which endpoint: the README's "Security model" table in code, checked against it and
 * against the application's handler mappings by {@code SecurityModelIT}. Kinds only: which organisation of a kind may
 * see which record is the agreements' business. Whatever no rule names is denied.
 */
final class EndpointRules {

    static final String GOVERNANCE = "governance";

    /** The FHIR operation any partner kind may call, decided by the agreement the request cites. */
    static final String PERSON_INFO_QUERY = "/fhir/Patient/$person-info-query";

    private EndpointRules() {}

    /**
     * @param connectors each connector's endpoints live under {@code /api/<partner>/}, open to the credentials of the
     *     partner kinds it brings records in from; pulls (family view, consent) are open to the kinds whose records
     *     can establish a relationship that licenses a pull
     */
    static void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth,
            Connectors connectors) {
        // public: the console page, liveness and readiness (status only), the API documentation
        auth.requestMatchers(GET, "/", "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                .permitAll();
        auth.requestMatchers(GET, "/api-docs.html", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml")
                .permitAll();
        auth.requestMatchers(GET, "/swagger-ui/**").permitAll();
        // the public register of agreements (agreements hold no personal data)
        auth.requestMatchers(GET, "/register", "/register/*", "/register/*/sharing-policy.json")
                .permitAll();
        // "is this person known?" (FHIR): any partner kind may ask; the agreement it cites decides
        String[] partners = connectors.all().stream()
                .flatMap(c -> c.providers().stream())
                .distinct()
                .sorted()
                .toArray(String[]::new);
        auth.requestMatchers(POST, PERSON_INFO_QUERY).hasAnyRole(partners);
        auth.requestMatchers(GET, "/fhir/metadata").hasAnyRole(partners);
        // a safeguarding override: any party's professional; the agreement decides whether it may
        auth.requestMatchers(POST, "/api/overrides").hasAnyRole(partners);
        // a correction: any provider, for a record it sent (the controller checks the organisation)
        auth.requestMatchers(POST, "/api/records/*/withdraw").hasAnyRole(partners);
        // adherence: a member organisation adheres for itself (the controller checks its kind joins by adhering)
        auth.requestMatchers(POST, "/api/agreements/*/adherence").hasAnyRole(partners);
        auth.requestMatchers(org.springframework.http.HttpMethod.DELETE, "/api/agreements/*/adherence")
                .hasAnyRole(partners);
        // partners: each connector's own endpoints
        for (Connector c : connectors.all()) {
            auth.requestMatchers("/api/" + c.partner() + "/**")
                    .hasAnyRole(c.providers().toArray(String[]::new));
            for (String path : c.endpoints()) {
                auth.requestMatchers(path).hasAnyRole(c.providers().toArray(String[]::new));
            }
        }
        String[] pullers = pullers(connectors);
        if (pullers.length > 0) {
            auth.requestMatchers(GET, "/api/family-view").hasAnyRole(pullers);
            auth.requestMatchers(POST, "/api/consent").hasAnyRole(pullers);
        }
        // the data governance board: ledger, directory, agreements, clerical review, operations
        auth.requestMatchers(
                        "/api/ledger/**",
                        "/api/access-review",
                        "/api/disclosure-reviews",
                        "/api/disclosure-reviews/**",
                        "/api/overrides",
                        "/api/withheld",
                        "/api/dead-letters",
                        "/api/dead-letters/**",
                        "/api/directory/**",
                        "/api/agreements/**",
                        "/api/matching/**",
                        "/api-public/**",
                        "/actuator/**")
                .hasRole(GOVERNANCE);
        auth.anyRequest().denyAll();
    }

    /** The partner kinds whose own records can establish a relationship an agreement may license a pull on. */
    static String[] pullers(Connectors connectors) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        connectors.holders().forEach((kind, holders) -> {
            if (kind.licensesPull()) {
                out.addAll(holders);
            }
        });
        return out.toArray(String[]::new);
    }
}
