package org.earlyhelp.hub.governance.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.agreement.AgreementLoader;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConsentRegisterTest {

    static EmbeddedPostgres postgres;
    static DataSource dataSource;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void theLatestEntryPerPersonAndAgreementIsInForce() {
        ConsentRegister register = new ConsentRegister(dataSource, Clock.systemUTC());
        Agreement health = AgreementLoader.load(Path.of("..", "agreements", "health-to-casesystem-family-view.yaml"));

        assertThat(register.checkFor("person-1").recorded(health)).isFalse();
        register.record("person-1", health.id(), true, "casesystem");
        assertThat(register.checkFor("person-1").recorded(health)).isTrue();
        assertThat(register.checkFor("person-2").recorded(health)).isFalse();
        register.record("person-1", health.id(), false, "casesystem");
        assertThat(register.checkFor("person-1").recorded(health)).isFalse();
    }
}
