package org.earlyhelp.hub.app.console;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.earlyhelp.hub.app.config.HubProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The console's own security, apart from the API's bearer credentials: a session per signed-in person (form sign-in
 * against {@link ConsoleUsers}, or OpenID Connect to the council's identity provider when a client registration is
 * configured), CSRF tokens on every form, a strict content security policy, and pages by role. The API chain stays
 * stateless and cookie-free.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurity {

    @Bean
    PasswordEncoder consolePasswordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @DependsOnDatabaseInitialization
    ConsoleUsers consoleUsers(
            DataSource dataSource,
            PasswordEncoder consolePasswordEncoder,
            Clock clock,
            HubProperties hub,
            @Value("${hub.console.demo-password:early-help-demo}") String demoPassword) {
        ConsoleUsers users = new ConsoleUsers(dataSource, consolePasswordEncoder, clock);
        if (hub.embedded().enabled()) {
            users.seedDemo(demoPassword);
        }
        return users;
    }

    @Bean
    Proposals proposals(DataSource dataSource, Clock clock) {
        return new Proposals(dataSource, clock);
    }

    @Bean
    SubjectAccess subjectAccess(
            org.earlyhelp.hub.matching.index.PersonIndex index,
            org.earlyhelp.hub.routes.resolve.RecordStore store,
            org.earlyhelp.hub.schema.codec.RecordCodec codec,
            org.earlyhelp.hub.governance.ledger.DisclosureLedger ledger,
            org.earlyhelp.hub.governance.ledger.SubjectKey subjectKey) {
        return new SubjectAccess(index, store, codec, ledger, subjectKey);
    }

    /** Where the console starts a sign-in through the council's identity provider: then the registration's id. */
    public static final String OIDC_AUTHORIZATION = "/console/oauth2/authorization";

    @Bean
    @Order(1)
    SecurityFilterChain consoleFilterChain(
            HttpSecurity http,
            ConsoleUsers users,
            ObjectProvider<ClientRegistrationRepository> registrations,
            @Value("${hub.console.oidc.roles-claim:hub_roles}") String rolesClaim)
            throws Exception {
        http.securityMatcher("/console", "/console/**")
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/console/login").permitAll();
                    auth.requestMatchers(
                                    "/console/reviews/**",
                                    "/console/matching/**",
                                    "/console/overrides/**",
                                    "/console/dead-letters/**",
                                    "/console/access-review/**")
                            .hasRole(ConsoleUser.REVIEWER);
                    auth.requestMatchers("/console/subject-access/**").hasRole(ConsoleUser.SUBJECT_ACCESS);
                    auth.requestMatchers("/console/proposals/**").hasRole(ConsoleUser.BOARD);
                    auth.requestMatchers("/console/analytics", "/console/analytics/**")
                            .hasRole(ConsoleUser.ANALYST);
                    auth.requestMatchers("/console/evidence", "/console/evidence/**")
                            .hasRole(ConsoleUser.AUDITOR);
                    auth.anyRequest().authenticated();
                })
                .userDetailsService(users)
                .formLogin(f -> f.loginPage("/console/login")
                        .loginProcessingUrl("/console/login")
                        .defaultSuccessUrl("/console", true)
                        .failureUrl("/console/login?error"))
                .logout(l -> l.logoutUrl("/console/sign-out").logoutSuccessUrl("/console/login?signed-out"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; script-src 'self';"
                                + " style-src 'self'; img-src 'self' data:; font-src 'self'; frame-ancestors 'none';"
                                + " form-action 'self'; base-uri 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        if (registrations.getIfAvailable() != null) {
            // its endpoints sit under /console so this chain handles them; the registration's redirect-uri is
            // {baseUrl}/console/login/oauth2/code/{registrationId}
            http.oauth2Login(o -> o.loginPage("/console/login")
                    .authorizationEndpoint(a -> a.baseUri(OIDC_AUTHORIZATION))
                    .redirectionEndpoint(r -> r.baseUri("/console/login/oauth2/code/*"))
                    .defaultSuccessUrl("/console", true)
                    .failureUrl("/console/login?error")
                    .userInfoEndpoint(u -> u.oidcUserService(rolesFrom(rolesClaim))));
        }
        return http.build();
    }

    /**
     * The console roles an identity provider's user holds: the values of {@code rolesClaim} that are console roles
     * ({@link ConsoleUser#ROLES}, e.g. BOARD or ANALYST); any other value gives nothing.
     */
    static OAuth2UserService<OidcUserRequest, OidcUser> rolesFrom(String rolesClaim) {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
            Object roles = user.getClaims().get(rolesClaim);
            if (roles instanceof Collection<?> values) {
                for (Object r : values) {
                    String role = String.valueOf(r);
                    if (ConsoleUser.ROLES.contains(role)) {
                        authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
                    }
                }
            }
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo());
        };
    }
}
