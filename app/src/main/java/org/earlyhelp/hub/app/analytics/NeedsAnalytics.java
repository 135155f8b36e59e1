package org.earlyhelp.hub.app.analytics;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.earlyhelp.hub.analytics.control.DisclosureControl;
import org.earlyhelp.hub.analytics.criteria.CriteriaVocabulary;
import org.earlyhelp.hub.analytics.criteria.NeedCriteria;
import org.earlyhelp.hub.analytics.export.DatasetFormat;
import org.earlyhelp.hub.analytics.export.DatasetTypes;
import org.earlyhelp.hub.analytics.export.NeedsDataset;
import org.earlyhelp.hub.analytics.needs.NeedsIdentifier;
import org.earlyhelp.hub.analytics.report.Areas;
import org.earlyhelp.hub.analytics.report.NeedsAnalysis;
import org.earlyhelp.hub.analytics.report.NeedsReportWriter;
import org.earlyhelp.hub.analytics.source.HubPopulation;
import org.earlyhelp.hub.connector.api.Connectors;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.dataset.DatasetRefused;
import org.earlyhelp.hub.governance.dataset.DatasetRelease;
import org.earlyhelp.hub.governance.minimise.FieldCatalogue;
import org.earlyhelp.hub.governance.minimise.RecordRetention;
import org.earlyhelp.hub.schema.codec.RecordCodec;

/**
 * Family needs for analysts over one hub database, as {@code hub analytics needs|export} and the console's analytics
 * pages both run them: the needs of everyone in the person index by the criteria, the tables and charts after
 * disclosure control, and the pseudonymised dataset released under an analytics agreement. Counts leave only through
 * {@link #publish}; rows only through {@link #export}, which the release ledgers (EXPORT, or DENY when refused).
 */
public final class NeedsAnalytics {

    /** Told of the records read so far, out of about how many people the index holds. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (records, people) -> {};

        void read(long records, long people);
    }

    /** A dataset as released: the rows, the crosswalk of pseudonyms changed since the last export, the analysis. */
    public record Export(DatasetRelease.Released released, List<String[]> crosswalk, NeedsAnalysis.Result result) {

        public Export {
            crosswalk = List.copyOf(crosswalk);
        }

        /**
         * Writes {@code dataset.csv}, {@code data-dictionary.csv}, {@code about.txt} and, when pseudonyms changed,
         * {@code crosswalk.csv}.
         *
         * @param who to whom it is released, as {@code about.txt} says
         */
        public List<Path> write(Path dir, String who, DatasetFormat format) throws IOException {
            return NeedsDataset.write(released, crosswalk, result, dir, who, format);
        }
    }

    private final DataSource dataSource;
    private final HubPopulation population;

    public NeedsAnalytics(DataSource dataSource, RecordCodec codec, FieldCatalogue catalogue) {
        this.dataSource = dataSource;
        this.population = new HubPopulation(dataSource, codec, catalogue);
    }

    /** The field paths criteria and agreements may name: the connectors' payload types and the analysts' datasets. */
    public static FieldCatalogue catalogue(Connectors connectors) {
        return new FieldCatalogue(DatasetTypes.with(connectors.payloadTypes()));
    }

    /**
     * The vocabulary of criteria, knowing which record types {@code agreements} keep today (with no agreements, null,
     * the types kept are unknown and no warning is made of them).
     */
    public static CriteriaVocabulary vocabulary(
            FieldCatalogue catalogue, Connectors connectors, List<Agreement> agreements, LocalDate today) {
        CriteriaVocabulary vocabulary = CriteriaVocabulary.of(catalogue);
        if (agreements == null) {
            return vocabulary;
        }
        var providers = connectors.facts().providersOfType();
        RecordRetention retention = new RecordRetention(() -> agreements);
        return vocabulary.keeping(type -> providers.getOrDefault(type, Set.of()).stream()
                .anyMatch(p -> retention.retentionFor(p, type, today).isPresent()));
    }

    /** The criteria of {@code file}, or the shipped ten outcomes when it is null. */
    public static NeedCriteria criteria(Path file, CriteriaVocabulary vocabulary) {
        return file == null ? NeedCriteria.shipped(vocabulary) : NeedCriteria.load(file, vocabulary);
    }

    /**
     * Everyone's needs as at {@code asAt} and at the end of each of the {@code months - 1} months before, by area.
     * The counts are true counts: {@link #publish} them, never show them.
     */
    public NeedsAnalysis.Result analyse(
            NeedCriteria criteria, Areas areas, LocalDate asAt, int months, Progress progress) {
        long people = population.people();
        return NeedsAnalysis.run(
                population, new NeedsIdentifier(criteria), areas, asAt, months, read -> progress.read(read, people));
    }

    /** The scorecard's measures by area and month, {@code from} to {@code to}, before disclosure control. */
    public org.earlyhelp.hub.analytics.report.Scorecard.Result scorecard(
            NeedCriteria criteria, Areas areas, java.time.YearMonth from, java.time.YearMonth to, Progress progress) {
        long people = population.people();
        return org.earlyhelp.hub.analytics.report.Scorecard.run(
                population, new NeedsIdentifier(criteria), areas, from, to, read -> progress.read(read, people));
    }

    /** What of an analysis may be shown or written: its tables after disclosure control, and charts of those. */
    public static NeedsReportWriter.Published publish(
            NeedsAnalysis.Result result, NeedCriteria criteria, DisclosureControl control) {
        return NeedsReportWriter.publish(result, criteria, control);
    }

    /**
     * The dataset for one project under an analytics agreement, as at {@code asAt}: released (and ledgered) by {@code
     * release}, with the crosswalk of the pseudonyms merges and splits changed since the project's last export.
     *
     * @param organisation the requester's organisation, which must be a recipient of the agreement
     * @param actor who asked, as the ledger names them
     * @throws DatasetRefused when the agreement does not license it (ledgered as a DENY)
     */
    public Export export(
            DatasetRelease release,
            String agreement,
            String project,
            String organisation,
            String actor,
            NeedCriteria criteria,
            LocalDate asAt,
            Progress progress) {
        Instant since = NeedsDataset.lastExport(dataSource, agreement, project);
        NeedsAnalysis.Result result = analyse(criteria, Areas.postcodeDistricts(), asAt, 1, progress);
        DatasetRelease.Released released = release.release(
                agreement,
                project,
                organisation,
                actor,
                NeedsDataset.TYPE,
                NeedsDataset.rows(result, population.facts()));
        List<String[]> crosswalk = since == null
                ? List.of()
                : release.crosswalk(released, "needs.person", NeedsDataset.changes(dataSource, since));
        return new Export(released, crosswalk, result);
    }

    /**
     * The evidence pack of the family of {@code member} (a person id) as at {@code asAt}: each member's needs with the
     * records behind them, how each was joined, and the ledger entries naming them. The search is ledgered (a QUERY
     * naming who asked, the family and what was found) whether or not the person is found.
     *
     * @param via how the auditor named the family ({@code person}, or {@code pseudonym} of an export), for the ledger
     */
    public java.util.Optional<org.earlyhelp.hub.analytics.report.EvidencePack> evidence(
            NeedCriteria criteria,
            String member,
            LocalDate asAt,
            org.earlyhelp.hub.governance.ledger.DisclosureLedger ledger,
            String actor,
            String via) {
        java.util.Optional<org.earlyhelp.hub.analytics.report.EvidencePack> pack = member == null
                ? java.util.Optional.empty()
                : org.earlyhelp.hub.analytics.report.EvidencePack.of(
                        population, new NeedsIdentifier(criteria), member, asAt, records -> {
                            java.util.Map<String, List<org.earlyhelp.hub.governance.ledger.LedgerEntry>> out =
                                    new java.util.TreeMap<>();
                            records.forEach(r -> out.put(r, ledger.findByRecord(r)));
                            return out;
                        });
        java.util.Map<String, String> details = new java.util.LinkedHashMap<>();
        details.put("query", "evidence-pack");
        details.put("via", via);
        details.put("found", String.valueOf(pack.isPresent()));
        pack.ifPresent(p -> {
            details.put("family", p.familyId());
            details.put("as-at", asAt.toString());
            details.put("records", String.valueOf(p.records().size()));
            details.put(
                    "entries",
                    String.valueOf(
                            p.ledger().values().stream().mapToInt(List::size).sum()));
        });
        ledger.append(List.of(org.earlyhelp.hub.governance.ledger.LedgerDraft.event(
                org.earlyhelp.hub.governance.ledger.EntryType.QUERY,
                "evidence-pack:" + java.util.UUID.randomUUID(),
                actor,
                null,
                details)));
        return pack;
    }

    /**
     * Every family listed as at {@code asAt} (at the criteria's number of active needs or more), with the needs that
     * list it and who has each: the council's list to act on. Ledgered as a QUERY naming who asked and how many.
     */
    public List<org.earlyhelp.hub.analytics.needs.FamilyNeeds> listed(
            NeedCriteria criteria,
            LocalDate asAt,
            org.earlyhelp.hub.governance.ledger.DisclosureLedger ledger,
            String actor,
            Progress progress) {
        List<org.earlyhelp.hub.analytics.needs.FamilyNeeds> listed =
                analyse(criteria, Areas.postcodeDistricts(), asAt, 1, progress).listed();
        ledger.append(List.of(org.earlyhelp.hub.governance.ledger.LedgerDraft.event(
                org.earlyhelp.hub.governance.ledger.EntryType.QUERY,
                "listed-families:" + java.util.UUID.randomUUID(),
                actor,
                null,
                java.util.Map.of(
                        "query", "listed-families",
                        "as-at", asAt.toString(),
                        "families", String.valueOf(listed.size())))));
        return listed;
    }

    /**
     * The person behind a pseudonym of a project's export, or a member of the family behind a family pseudonym: what
     * an auditor follows from a dataset row back to the evidence. Empty when no one in the index has it.
     */
    public java.util.Optional<String> memberOf(
            org.earlyhelp.hub.governance.minimise.Pseudonymiser pseudonymiser,
            String agreement,
            String project,
            String pseudonym) {
        String scope = DatasetRelease.scope(agreement, project);
        org.earlyhelp.hub.analytics.source.Families families = population.families();
        for (String person : population.personIds()) {
            if (pseudonymiser.pseudonym(scope, person).equals(pseudonym)
                    || pseudonymiser
                            .pseudonym(scope, "family:" + families.familyOf(person))
                            .equals(pseudonym)) {
                return java.util.Optional.of(person);
            }
        }
        return java.util.Optional.empty();
    }
}
