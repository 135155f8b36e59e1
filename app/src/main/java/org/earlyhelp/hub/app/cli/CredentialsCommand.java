package org.earlyhelp.hub.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.earlyhelp.hub.app.security.Credential;
import org.earlyhelp.hub.app.security.CredentialAdministration;
import org.earlyhelp.hub.governance.access.Organisation;
import org.earlyhelp.hub.governance.ledger.ChainKey;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.flywaydb.core.Flyway;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code credentials issue | list | revoke}: the board's management of partner credentials, against the embedded
 * database (hub stopped) or {@code --jdbc-url}. A token is printed once, at issue, and stored only as its SHA-256;
 * a revocation reaches every running hub instance within a minute. Each change is a ledger entry.
 */
@Command(
        name = "credentials",
        description = "Issue, list and revoke the bearer credentials of partner organisations.",
        subcommands = {
            CredentialsCommand.Issue.class,
            CredentialsCommand.ListCredentials.class,
            CredentialsCommand.Revoke.class
        })
final class CredentialsCommand {

    /** Who made the change, for the ledger: the operating-system account running the command. */
    static String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    abstract static class Base implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Mixin
        LedgerOptions ledger;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        abstract int run(PrintWriter out, CredentialAdministration admin);

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            ChainKey key = ledger.chainKey(database.dataDir);
            return database.withDatabase(out, ds -> {
                Flyway.configure()
                        .dataSource(ds)
                        .locations("classpath:db/migration")
                        .load()
                        .migrate();
                int status = run(
                        out,
                        new CredentialAdministration(
                                ds, Clock.systemUTC(), new DisclosureLedger(ds, Clock.systemUTC(), key)));
                out.flush();
                return status;
            });
        }
    }

    @Command(name = "issue", description = "Issue a credential bound to one organisation; prints its token once.")
    static final class Issue extends Base {
        @Option(
                names = "--organisation",
                required = true,
                description = "kind:id, e.g. schools:123456, health:RFS, casesystem:early-help-north")
        String organisation;

        @Option(names = "--label", description = "what the credential is for, e.g. the system using it")
        String label;

        @Override
        int run(PrintWriter out, CredentialAdministration admin) {
            Credential.Issued issued = admin.issue(Organisation.parse(organisation), label, actor());
            out.println("credential " + issued.credential().id() + " for "
                    + issued.credential().organisation());
            out.println("token (shown once, not stored; give it to the organisation now):");
            out.println(issued.token());
            return 0;
        }
    }

    @Command(name = "list", description = "List every credential (never a token): id, organisation, issued, revoked.")
    static final class ListCredentials extends Base {
        @Override
        int run(PrintWriter out, CredentialAdministration admin) {
            List<Credential> all = admin.list();
            out.printf("%-32s %-40s %-22s %-22s %s%n", "id", "organisation", "issued", "revoked", "label");
            for (Credential c : all) {
                out.printf(
                        "%-32s %-40s %-22s %-22s %s%n",
                        c.id(),
                        c.organisation(),
                        c.issuedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                        c.revoked() ? c.revokedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) : "-",
                        (c.development() ? "[development] " : "") + (c.label() == null ? "" : c.label()));
            }
            out.println(all.size() + " credential(s)");
            return 0;
        }
    }

    @Command(name = "revoke", description = "Revoke a credential; every hub instance refuses it within a minute.")
    static final class Revoke extends Base {
        @Parameters(index = "0", description = "the credential id, as 'credentials list' shows it")
        String id;

        @Override
        int run(PrintWriter out, CredentialAdministration admin) {
            Optional<Credential> revoked = admin.revoke(id, actor());
            if (revoked.isEmpty()) {
                out.println("no active credential " + id);
                return 1;
            }
            out.println("revoked " + id + " (" + revoked.get().organisation() + ")");
            return 0;
        }
    }
}
