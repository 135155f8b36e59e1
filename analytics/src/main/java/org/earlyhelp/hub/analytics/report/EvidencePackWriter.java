package org.earlyhelp.hub.analytics.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.earlyhelp.hub.analytics.criteria.NeedCriteria;
import org.earlyhelp.hub.analytics.criteria.Outcome;
import org.earlyhelp.hub.analytics.needs.Evidence;
import org.earlyhelp.hub.analytics.needs.FamilyNeeds;
import org.earlyhelp.hub.analytics.needs.NeedStatus;
import org.earlyhelp.hub.analytics.needs.PersonNeeds;
import org.earlyhelp.hub.analytics.source.HubPopulation;
import org.earlyhelp.hub.governance.ledger.LedgerEntry;

/**
 * Writes an {@link EvidencePack} to a directory: {@code needs.csv} (each member's needs with status and clock), {@code
 * evidence.csv} (each record behind a need, with how it was joined to the person and the ledger entries naming it),
 * {@code ledger.csv} (those entries with their sequence and hash) and {@code about.txt} (the family's identification
 * and how to follow it back). It holds ids, record types, dates and vocabulary words: no name, date of birth or address.
 */
public final class EvidencePackWriter {

    public static final List<String> NEEDS = List.of(
            "person", "outcome", "status", "since", "latest", "resolved_on", "clock_from", "sustained_on", "records");
    public static final List<String> EVIDENCE = List.of(
            "person",
            "outcome",
            "kind",
            "indicator",
            "record_id",
            "provider",
            "type",
            "date",
            "received_at",
            "joined_by",
            "match_weight",
            "matched_to",
            "linked_by",
            "ledger_entries");
    public static final List<String> LEDGER = List.of(
            "record_id",
            "seq",
            "entry_type",
            "decision",
            "provider",
            "recipient",
            "agreement",
            "agreement_version",
            "purpose",
            "lawful_basis",
            "fields_released",
            "reasons",
            "actor",
            "decided_at",
            "prev_hash",
            "hash");

    private EvidencePackWriter() {}

    /** The rows of {@code needs.csv}. */
    public static List<List<String>> needs(EvidencePack pack) {
        List<List<String>> rows = new ArrayList<>();
        for (PersonNeeds p : pack.needs().people()) {
            for (NeedStatus n : p.needs()) {
                rows.add(List.of(
                        p.personId(),
                        n.outcome(),
                        n.status().name().toLowerCase(java.util.Locale.ROOT),
                        text(n.since()),
                        text(n.latest()),
                        text(n.resolvedOn()),
                        text(n.clockFrom()),
                        text(n.sustainedOn()),
                        Integer.toString(n.evidence().size())));
            }
        }
        return rows;
    }

    /** The rows of {@code evidence.csv}. */
    public static List<List<String>> evidence(EvidencePack pack) {
        List<List<String>> rows = new ArrayList<>();
        for (PersonNeeds p : pack.needs().people()) {
            for (NeedStatus n : p.needs()) {
                for (Evidence e : n.evidence()) {
                    HubPopulation.Join j = pack.join(p.personId(), e.recordId()).orElse(null);
                    rows.add(List.of(
                            p.personId(),
                            n.outcome(),
                            e.kind(),
                            text(e.indicator()),
                            e.recordId(),
                            text(e.provider()),
                            text(e.type()),
                            text(e.date()),
                            text(e.receivedAt()),
                            j == null || j.method() == null ? "NEW_PERSON" : j.method(),
                            j == null ? "" : text(j.weight()),
                            j == null ? "" : text(j.matchedTo()),
                            j == null ? "" : text(j.linkedBy()),
                            pack.ledger().getOrDefault(e.recordId(), List.of()).stream()
                                    .map(l -> Long.toString(l.seq()))
                                    .collect(Collectors.joining(";"))));
                }
            }
        }
        return rows;
    }

    /** The rows of {@code ledger.csv}. */
    public static List<List<String>> ledger(EvidencePack pack) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, List<LedgerEntry>> byRecord : pack.ledger().entrySet()) {
            for (LedgerEntry l : byRecord.getValue()) {
                rows.add(List.of(
                        byRecord.getKey(),
                        Long.toString(l.seq()),
                        l.type().name(),
                        l.decision() == null ? "" : l.decision().name(),
                        text(l.provider()),
                        text(l.recipient()),
                        text(l.agreementId()),
                        text(l.agreementVersion()),
                        text(l.purpose()),
                        text(l.lawfulBasis()),
                        String.join(";", l.fieldsReleased()),
                        String.join(";", l.reasons()),
                        text(l.actor()),
                        text(l.decidedAt()),
                        text(l.prevHash()),
                        text(l.hash())));
            }
        }
        return rows;
    }

    /** The family's identification in words: members, the needs that count and who has them, and the outcome. */
    public static List<String> summary(EvidencePack pack, NeedCriteria criteria) {
        List<String> lines = new ArrayList<>();
        Set<String> active = pack.needs().active();
        lines.add(String.format(
                "family %s as at %s: %d member(s), %d with a need; %d active need(s) of the %d that list a family: %s",
                pack.familyId(),
                pack.asAt(),
                pack.members(),
                pack.needs().people().size(),
                active.size(),
                pack.threshold(),
                pack.needs().listed() ? "listed" : "not listed"));
        for (Outcome o : criteria.outcomes()) {
            Set<String> who = pack.needs().activeBy().get(o.id());
            if (who != null) {
                lines.add("  " + o.id() + " (" + o.title() + "): active for " + String.join(", ", who));
            }
        }
        return lines;
    }

    public static final List<String> LISTED =
            List.of("family", "members", "members_with_needs", "active_needs", "needs", "reasons");

    /**
     * Writes {@code listed-families.csv}: each listed family with its number of members, of members with a need and of
     * active needs, the needs, and for each need the members who have it (person ids: a member with none is not named).
     */
    public static Path listed(List<FamilyNeeds> families, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<List<String>> rows = new ArrayList<>();
        for (FamilyNeeds f : families) {
            List<String> reasons = new ArrayList<>();
            f.activeBy().forEach((outcome, who) -> reasons.add(outcome + ": " + String.join(" ", who)));
            rows.add(List.of(
                    f.familyId(),
                    Integer.toString(f.members()),
                    Integer.toString(f.people().size()),
                    Integer.toString(f.active().size()),
                    String.join(";", f.activeBy().keySet()),
                    String.join("; ", reasons)));
        }
        return csv(dir.resolve("listed-families.csv"), LISTED, rows);
    }

    public static List<Path> write(EvidencePack pack, NeedCriteria criteria, String ledgerCheck, Path dir)
            throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        written.add(csv(dir.resolve("needs.csv"), NEEDS, needs(pack)));
        written.add(csv(dir.resolve("evidence.csv"), EVIDENCE, evidence(pack)));
        written.add(csv(dir.resolve("ledger.csv"), LEDGER, ledger(pack)));
        Path about = dir.resolve("about.txt");
        List<String> lines = new ArrayList<>(summary(pack, criteria));
        lines.add("");
        lines.add("criteria version " + criteria.version() + "; a need is sustained " + criteria.sustainMonths()
                + " months after the first case closure following its resolution, with no new evidence");
        lines.add("ledger: " + ledgerCheck);
        lines.add("");
        lines.add("To follow a need back: evidence.csv gives each record's id (record_id, the id the hub gave it on");
        lines.add("arrival and returned to its provider in the acknowledgement), its provider, type and date, and how");
        lines.add("the person index joined it to the person (joined_by, match_weight, matched_to, linked_by).");
        lines.add("ledger_entries lists the");
        lines.add(
                "sequence numbers of every ledger entry naming the record; ledger.csv gives each with its hash and the");
        lines.add("hash before it, which `java -jar app/target/hub.jar ledger verify` checks against the whole chain.");
        lines.add("A member of the family with no need is counted above and named nowhere in this pack.");
        Files.write(about, lines, StandardCharsets.UTF_8);
        written.add(about);
        return written;
    }

    private static Path csv(Path file, List<String> header, List<List<String>> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = CSVFormat.DEFAULT
                        .builder()
                        .setHeader(header.toArray(String[]::new))
                        .get()
                        .print(w)) {
            for (List<String> row : rows) {
                csv.printRecord(row);
            }
        }
        return file;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
