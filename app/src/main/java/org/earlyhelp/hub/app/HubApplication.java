package org.earlyhelp.hub.app;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.earlyhelp.hub.app.cli.HubCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The hub. With no arguments (or only {@code --option=value} settings) it serves; with a command ({@code agreements
 * lint <dir>}, {@code ledger verify}) the jar is the command line and exits with the command's status.
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Early Help hub",
                        version = "${hub-version}",
                        description = "Information sharing between the partners around children and families, governed"
                                + " by the information-sharing agreements: partners post records and receive"
                                + " notifications; the board reads the ledger and the register. Each operation says"
                                + " which credential it takes.",
                        license =
                                @License(
                                        name = "Apache License 2.0",
                                        url = "https://www.apache.org/licenses/LICENSE-2.0")))
@SecurityScheme(name = "partner-token", type = SecuritySchemeType.HTTP, scheme = "bearer")
@SpringBootApplication(scanBasePackages = "org.earlyhelp.hub")
@ConfigurationPropertiesScan("org.earlyhelp.hub")
public class HubApplication {

    public static void main(String[] args) {
        if (HubCommandLine.isCommand(args)) {
            System.exit(HubCommandLine.run(args));
        }
        SpringApplication.run(HubApplication.class, args);
    }
}
