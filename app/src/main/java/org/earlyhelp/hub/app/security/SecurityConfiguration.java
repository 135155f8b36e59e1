package org.earlyhelp.hub.app.security;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.earlyhelp.hub.app.config.HubProperties;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.springframework.boot.autoconfigure.security.servlet.PathRequest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Spring Security guards every path. Public paths are an allow-list; everything else needs a bearer credential (one
 * the board issued, or a JWT from the council's identity provider) whose organisation's kind {@link EndpointRules}
 * allows for that method and path; anything no rule names is denied. The decision is made from the method, the
 * normalised path and the headers, before any filter or controller reads the body; the body limit and the caller
 * come after it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HubSecurityProperties.class)
public class SecurityConfiguration {

    static final String ROLE_PREFIX = "ROLE_";

    @Bean
    @DependsOnDatabaseInitialization
    CredentialAdministration credentialAdministration(
            DataSource dataSource, Clock clock, HubProperties hub, DisclosureLedger ledger) {
        CredentialAdministration admin = new CredentialAdministration(dataSource, clock, ledger);
        if (hub.embedded().enabled()) {
            admin.seedDevelopment();
        } else {
            List<Credential> development = admin.activeDevelopment();
            if (!development.isEmpty()) {
                Credential c = development.get(0);
                throw new IllegalStateException("credential " + c.id() + " (" + c.organisation()
                        + ") is a development credential and hub.embedded.enabled is false; revoke it with"
                        + " 'java -jar hub.jar credentials revoke " + c.id() + " --jdbc-url ...' first");
            }
        }
        return admin;
    }

    @Bean(destroyMethod = "close")
    @DependsOnDatabaseInitialization
    CredentialCache credentialCache(
            DataSource dataSource, Clock clock, HubSecurityProperties security, CredentialAdministration seeded) {
        return new CredentialCache(new CredentialStore(dataSource, clock), security.credentialRefresh(), clock);
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return ErrorResponses.rejected();
    }

    @Bean
    SecurityFilterChain hubFilterChain(
            HttpSecurity http,
            CredentialCache credentials,
            HubSecurityProperties security,
            org.earlyhelp.hub.connector.api.Connectors connectors)
            throws Exception {
        AuthenticationManager bearer = bearerAuthentication(credentials, security);
        HubSecurityProperties.RateLimit limit = security.rateLimit();
        TokenBuckets buckets =
                limit.enabled() ? new TokenBuckets(limit.requestsPerSecond(), limit.burst(), System::nanoTime) : null;
        http.csrf(AbstractHttpConfigurer::disable) // bearer tokens only: no cookies, so nothing to forge
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .oauth2ResourceServer(o -> o.authenticationManagerResolver(request -> bearer)
                        .authenticationEntryPoint(ErrorResponses.unauthenticated())
                        .accessDeniedHandler(ErrorResponses.forbidden()))
                .exceptionHandling(e -> e.authenticationEntryPoint(ErrorResponses.unauthenticated())
                        .accessDeniedHandler(ErrorResponses.forbidden()))
                .authorizeHttpRequests(auth -> {
                    // the container's own error dispatch of a request that was already let through
                    auth.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    auth.requestMatchers(PathRequest.toStaticResources().atCommonLocations())
                            .permitAll();
                    EndpointRules.apply(auth, connectors);
                })
                .addFilterAfter(new CallerFilter(buckets), AuthorizationFilter.class)
                .addFilterAfter(new BodyLimitFilter(security.maxBodySize().toBytes()), CallerFilter.class);
        return http.build();
    }

    private static AuthenticationManager bearerAuthentication(
            CredentialCache credentials, HubSecurityProperties security) {
        List<AuthenticationProvider> providers = new ArrayList<>();
        providers.add(
                new CredentialAuthenticationProvider(credentials, security.jwt().configured()));
        if (security.jwt().configured()) {
            providers.add(HubJwt.provider(security.jwt()));
        }
        return new ProviderManager(providers);
    }
}
