package org.earlyhelp.hub.governance.dataset;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.agreement.FieldRule;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.EntryType;
import org.earlyhelp.hub.governance.ledger.LedgerDraft;
import org.earlyhelp.hub.governance.minimise.Minimiser;
import org.earlyhelp.hub.governance.minimise.Pseudonymiser;

/**
 * Releases a dataset for analysts. Deny by default: only an agreement in force today (approved by every party, in
 * date) whose {@code analytics:} names the project, that applies to the dataset's type and names the requester's
 * organisation as a recipient, licenses it. Each row is minimised by the agreement's field rules (a field it does not
 * name is dropped), with pseudonyms keyed by agreement and project, so two projects' pseudonyms for one person differ
 * and one project's are the same in every export. The decision is one EXPORT entry (agreement, version, project,
 * fields, rows, who) in the ledger before the rows are returned; a refusal is an EXPORT entry with decision DENY.
 */
public final class DatasetRelease {

    /** What may leave: the released rows (field path to rendered value) and the fields they carry. */
    public record Released(Agreement agreement, String project, List<String> fields, List<Map<String, String>> rows) {}

    private final Supplier<List<Agreement>> agreements;
    private final Pseudonymiser pseudonymiser;
    private final DisclosureLedger ledger;
    private final Clock clock;

    public DatasetRelease(
            Supplier<List<Agreement>> agreements, Pseudonymiser pseudonymiser, DisclosureLedger ledger, Clock clock) {
        this.agreements = agreements;
        this.pseudonymiser = pseudonymiser;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The pseudonym scope of a project under an agreement: its own key, derived from the hub's. */
    public static String scope(String agreementId, String project) {
        return agreementId + "/project/" + project;
    }

    /**
     * @param recipient the requesting organisation's partner kind (e.g. {@code council})
     * @param actor who asked, for the ledger ({@code analyst:jo} or an organisation)
     * @param type the dataset's type ({@code person-needs})
     * @param rows each row as field path to typed value
     * @throws DatasetRefused when no agreement licenses it (ledgered as DENY)
     */
    public Released release(
            String agreementId,
            String project,
            String recipient,
            String actor,
            String type,
            List<Map<String, Object>> rows) {
        LocalDate today = LocalDate.now(clock);
        Optional<Agreement> found = agreements.get().stream()
                .filter(a -> a.id().equals(agreementId))
                .findFirst();
        String refusal = null;
        if (found.isEmpty()) {
            refusal = "no agreement '" + agreementId + "'";
        } else {
            Agreement a = found.get();
            if (a.analytics() == null) {
                refusal = "agreement '" + agreementId + "' licenses no dataset (it has no analytics:)";
            } else if (!a.licensesDataset(project)) {
                refusal = "agreement '" + agreementId + "' names no project '" + project + "' (it names "
                        + a.analytics().projects() + ")";
            } else if (!a.appliesTo().type().equals(type)) {
                refusal = "agreement '" + agreementId + "' applies to "
                        + a.appliesTo().type() + ", not " + type;
            } else if (!a.recipients().contains(recipient)) {
                refusal = "'" + recipient + "' is not a recipient of agreement '" + agreementId + "'";
            } else if (!a.inForceOn(today)) {
                refusal = "agreement '" + agreementId + "' is not in force today ("
                        + a.status().name().toLowerCase(java.util.Locale.ROOT)
                        + (a.unapprovedParties().isEmpty() ? "" : ", awaiting " + a.unapprovedParties()) + ")";
            }
        }
        if (refusal != null) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("decision", "DENY");
            details.put("agreement", agreementId);
            details.put("project", project);
            details.put("dataset", type);
            details.put("rows", "0");
            details.put("reason", refusal);
            ledger.append(
                    List.of(LedgerDraft.event(EntryType.EXPORT, "export:" + UUID.randomUUID(), actor, null, details)));
            throw new DatasetRefused(refusal);
        }
        Agreement a = found.get();
        Minimiser minimiser = new Minimiser(pseudonymiser);
        String scope = scope(a.id(), project);
        List<Map<String, String>> released = new ArrayList<>(rows.size());
        TreeSet<String> fields = new TreeSet<>();
        for (Map<String, Object> row : rows) {
            Map<String, String> out = minimiser.minimise(row, a, today, scope);
            fields.addAll(out.keySet());
            released.add(out);
        }
        a.fields().forEach((path, rule) -> {
            if (rule.action() != FieldRule.Action.DROP) {
                fields.add(path);
            }
        });
        Map<String, String> details = new LinkedHashMap<>();
        details.put("decision", "PERMIT");
        details.put("agreement", a.id());
        details.put("version", Integer.toString(a.version()));
        details.put("project", project);
        details.put("dataset", type);
        details.put("fields", String.join(",", fields));
        details.put("rows", Integer.toString(released.size()));
        details.put("purpose", a.purpose());
        details.put("lawful-basis", a.lawfulBasis().summary());
        ledger.append(
                List.of(LedgerDraft.event(EntryType.EXPORT, "export:" + UUID.randomUUID(), actor, null, details)));
        return new Released(a, project, List.copyOf(fields), released);
    }

    /**
     * The crosswalk of a released dataset: each changed person id pair (old, new, why) under the same rule the
     * agreement gives {@code field} in the release (pseudonymised with the project's key); nothing when the agreement
     * drops the field.
     */
    public List<String[]> crosswalk(Released released, String field, List<String[]> changes) {
        FieldRule rule = released.agreement().ruleFor(field);
        if (rule.action() == FieldRule.Action.DROP || rule.action() == FieldRule.Action.GENERALISE) {
            return List.of();
        }
        String scope = scope(released.agreement().id(), released.project());
        List<String[]> out = new ArrayList<>();
        for (String[] c : changes) {
            out.add(
                    rule.action() == FieldRule.Action.PSEUDONYMISE
                            ? new String[] {
                                pseudonymiser.pseudonym(scope, c[0]), pseudonymiser.pseudonym(scope, c[1]), c[2]
                            }
                            : c.clone());
        }
        return out;
    }
}
