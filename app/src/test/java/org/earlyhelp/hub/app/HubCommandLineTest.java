package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.earlyhelp.hub.app.cli.HubCommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubCommandLineTest {

    @Test
    void shippedAgreementsLintClean() {
        // When the board lints the shipped agreements
        StringWriter out = new StringWriter();
        int status = HubCommandLine.run(
                new String[] {"agreements", "lint", "../agreements"}, new PrintWriter(out), new PrintWriter(out));
        // Then there are no errors
        assertThat(status).as(out.toString()).isZero();
        assertThat(out.toString()).contains("0 error(s)");
    }

    @Test
    void lintErrorNamesTheFileAndLine(@TempDir Path dir) throws Exception {
        // Given an agreement with a misspelt key on line 6
        Files.copy(Path.of("..", "agreements", "registry.yaml"), dir.resolve("registry.yaml"));
        String good = Files.readString(Path.of("..", "agreements", "police-to-schools-domestic-abuse.yaml"));
        Files.writeString(
                dir.resolve("police-to-schools-domestic-abuse.yaml"), good.replace("recipients:", "recipents:"));
        // When it is linted
        StringWriter out = new StringWriter();
        int status = HubCommandLine.run(
                new String[] {"agreements", "lint", dir.toString()}, new PrintWriter(out), new PrintWriter(out));
        // Then the command fails and names the file and line
        assertThat(status).isEqualTo(1);
        assertThat(out.toString())
                .contains("police-to-schools-domestic-abuse.yaml:6:")
                .contains("recipents");
    }

    @Test
    void wordsThatAreNotCommandsStartTheServer() {
        assertThat(HubCommandLine.isCommand(new String[] {"agreements", "lint", "x"}))
                .isTrue();
        assertThat(HubCommandLine.isCommand(new String[] {"--server.port=9000"}))
                .isFalse();
        assertThat(HubCommandLine.isCommand(new String[0])).isFalse();
    }
}
