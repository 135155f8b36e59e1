package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console's sign-in through the council's identity provider (OpenID Connect, authorisation code flow), against a
 * stand-in provider on real HTTP, in headless Chromium: the person's console roles come from the {@code hub_roles}
 * claim and their party from {@code hub_party}; a person without the board role cannot propose.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.embedded.data-dir=target/it-data/${random.uuid}",
            "hub.agreements.dir=${user.dir}/../agreements",
            "hub.simulator.enabled=false",
            "spring.security.oauth2.client.registration.council.client-id=" + StandInIdentityProvider.CLIENT_ID,
            "spring.security.oauth2.client.registration.council.client-secret=" + StandInIdentityProvider.CLIENT_SECRET,
            "spring.security.oauth2.client.registration.council.scope=openid",
            "spring.security.oauth2.client.registration.council.authorization-grant-type=authorization_code",
            "spring.security.oauth2.client.registration.council.redirect-uri="
                    + "{baseUrl}/console/login/oauth2/code/{registrationId}"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleOidcIT {

    static final StandInIdentityProvider IDP = new StandInIdentityProvider();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.client.provider.council.issuer-uri", IDP::issuer);
    }

    @LocalServerPort
    int port;

    ConsoleBrowser browser;

    @BeforeAll
    void start() {
        Assumptions.assumeTrue(ConsoleBrowser.available(), ConsoleBrowser.INSTALL);
        browser = new ConsoleBrowser(port, Path.of("target", "oidc-screenshots"));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        IDP.close();
    }

    @Test
    void aBoardMemberSignsInThroughTheCouncilsIdentityProviderWithTheRolesItGives() throws Exception {
        // Given the council's identity provider knows a board member of the council
        IDP.signsIn("u-4471", "a.iqbal", "A. Iqbal", List.of("BOARD", "SUBJECT_ACCESS"), "council");

        // When they choose the council's account on the sign-in page
        browser.open("/console/login");
        browser.click("oidc-sign-in");

        // Then they are signed in as themselves, with the party and roles the provider gave
        assertThat(browser.path()).isEqualTo("/console");
        assertThat(browser.page()).contains("A. Iqbal (council)");
        browser.open("/console/proposals");
        assertThat(browser.page()).contains("Start a proposal");
        browser.open("/console/reviews");
        assertThat(browser.page()).as("no REVIEWER role given").doesNotContain("Notifications held for review");
        browser.open("/console");
        browser.signOut();
        assertThat(browser.path()).startsWith("/console/login");

        // And a person the provider gives only the reviewer role cannot propose
        IDP.signsIn("u-9", "r.cole", "R. Cole", List.of("REVIEWER"), "council");
        browser.open("/console/login");
        browser.click("oidc-sign-in");
        assertThat(browser.path()).isEqualTo("/console");
        browser.open("/console/proposals");
        assertThat(browser.page()).doesNotContain("Start a proposal");
        browser.open("/console/reviews");
        assertThat(browser.page()).contains("Notifications held for review");
    }
}
