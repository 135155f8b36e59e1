package org.earlyhelp.hub.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresPasswordTest {

    @Test
    void aDataDirectoryFromBeforePasswordsIsGivenOneAndTrustsNoOneFromThen() throws Exception {
        // Given a data directory made the old way (the library's initdb -A trust), without a password file
        Path data = Path.of("target", "pg-legacy-" + UUID.randomUUID());
        try (var legacy = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setDataDirectory(data.resolve("postgres"))
                .setCleanDataDirectory(false)
                .start()) {
            assertThat(legacy.getPostgresDatabase().getConnection().isValid(5)).isTrue();
        }
        assertThat(EmbeddedPostgres.trusts(data.resolve("postgres"))).isTrue();
        // When the hub starts its database on it
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(data.resolve("postgres"), 0)) {
            // Then it trusts no one: no password is refused, the generated one (kept 0600) is accepted
            assertThat(EmbeddedPostgres.trusts(data.resolve("postgres"))).isFalse();
            assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl(), "postgres", ""))
                    .isInstanceOf(SQLException.class);
            try (var c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password())) {
                assertThat(c.isValid(5)).isTrue();
            }
            assertThat(PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(data.resolve(EmbeddedPostgres.PASSWORD_FILE))))
                    .isEqualTo("rw-------");
        }
        // And on the next start the same password still opens it
        String password =
                Files.readString(data.resolve(EmbeddedPostgres.PASSWORD_FILE)).strip();
        try (EmbeddedPostgres again = EmbeddedPostgres.start(data.resolve("postgres"), 0)) {
            assertThat(again.password()).isEqualTo(password);
            try (var c = DriverManager.getConnection(again.jdbcUrl(), again.user(), password)) {
                assertThat(c.isValid(5)).isTrue();
            }
            assertThatThrownBy(() -> DriverManager.getConnection(again.jdbcUrl(), "postgres", "wrong"))
                    .isInstanceOf(SQLException.class);
        }
    }
}
