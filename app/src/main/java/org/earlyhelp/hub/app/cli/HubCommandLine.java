package org.earlyhelp.hub.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.earlyhelp.hub.governance.agreement.AgreementLint;
import org.earlyhelp.hub.governance.agreement.LintProblem;
import org.earlyhelp.hub.governance.ledger.ChainKey;
import org.earlyhelp.hub.governance.ledger.LedgerCheckpoints;
import org.earlyhelp.hub.governance.ledger.LedgerVerifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code java -jar hub.jar <command>}: the commands the data governance board and operators run. */
@Command(
        name = "hub",
        mixinStandardHelpOptions = true,
        description = "Early Help hub command line.",
        subcommands = {
            HubCommandLine.Agreements.class,
            HubCommandLine.Ledger.class,
            SimulateCommand.class,
            LinkCommand.class,
            IndexCommand.class,
            CredentialsCommand.class,
            AnalyticsCommand.class
        })
public final class HubCommandLine {

    private static final Set<String> COMMANDS = Set.of(
            "agreements", "ledger", "simulate", "link", "index", "credentials", "analytics", "help", "--help", "-h");

    /** Whether the arguments name a command rather than settings for the server. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String[] args) {
        return commandLine().execute(args);
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    /** A failure is reported as one sentence, not a stack trace: these are commands for people. */
    private static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new HubCommandLine());
        cl.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("error: " + e.getMessage());
            command.getErr().flush();
            return 2;
        });
        return cl;
    }

    @Command(name = "agreements", description = "Work with information-sharing agreements.", subcommands = Lint.class)
    static final class Agreements {}

    @Command(name = "lint", description = "Check every agreement in a directory; errors name the file and line.")
    static final class Lint implements Callable<Integer> {
        @Parameters(index = "0", description = "the agreements directory, e.g. agreements")
        Path dir;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<LintProblem> problems = AgreementLint.lint(
                    dir,
                    AnalyticsCommand.catalogue(),
                    org.earlyhelp.hub.connector.api.Connectors.discover(CLI_SETTINGS)
                            .facts());
            problems.forEach(p -> out.println(p));
            long errors = problems.stream()
                    .filter(p -> p.severity() == LintProblem.Severity.ERROR)
                    .count();
            out.printf("%d error(s), %d warning(s) in %s%n", errors, problems.size() - errors, dir);
            out.flush();
            return errors == 0 ? 0 : 1;
        }
    }

    @Command(
            name = "ledger",
            description = "Work with the disclosure ledger.",
            subcommands = {Verify.class, DeclareRestoreCommand.class})
    static final class Ledger {}

    @Command(
            name = "verify",
            description = "Walk the keyed chain and check it against the signed checkpoints: names an edited, inserted"
                    + " or deleted entry, a truncated tail and a forged checkpoint. Uses the embedded database,"
                    + " key file and checkpoints under --data-dir unless --jdbc-url (with --chain-key-file and"
                    + " --checkpoint-dir) is given (stop the hub first when embedded).")
    static final class Verify implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Mixin
        LedgerOptions ledger;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            ChainKey key = ledger.chainKey(database.dataDir);
            LedgerCheckpoints checkpoints = ledger.checkpoints(database.dataDir, key);
            return database.withDatabase(out, ds -> {
                LedgerVerifier.Result result = new LedgerVerifier(ds, key, checkpoints).verify();
                out.println(result);
                out.flush();
                return result.intact() ? 0 : 1;
            });
        }
    }

    /**
     * The connectors' settings on the command line, as the running hub reads them: a system property
     * ({@code -Dhub.connectors.housing.webhook-url=...}) or its environment variable
     * ({@code HUB_CONNECTORS_HOUSING_WEBHOOKURL}, Spring's relaxed form), so the lint sees the deployment's partners.
     */
    static final org.earlyhelp.hub.connector.api.ConnectorSettings CLI_SETTINGS = name -> {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(
                    name.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace("-", ""));
        }
        return java.util.Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    };
}
