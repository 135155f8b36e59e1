package org.earlyhelp.hub.matching.link;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.earlyhelp.hub.matching.engine.BatchLinker;
import org.earlyhelp.hub.matching.model.Explanation;

/**
 * Writes the batch linker's clusters ({@code input,record_id,cluster_id}) and review pairs as CSV. Ids and input names
 * are written through {@link #safe(String)}: these files are opened in spreadsheets, where a cell starting with
 * {@code =}, {@code +}, {@code -} or {@code @} is run as a formula (CSV injection).
 */
public final class ClusterWriter {

    private ClusterWriter() {}

    /**
     * A cell a spreadsheet will show as text: one starting with {@code = + - @}, a tab or a carriage return gets a leading
     * apostrophe (OWASP's advice), which spreadsheets hide and never evaluate.
     */
    public static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }

    public static void writeClusters(BatchLinker.Result result, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            out.printRecord("input", "record_id", "cluster_id");
            int[] ids = result.clusterIds();
            for (int i = 0; i < ids.length; i++) {
                var r = result.records().get(i);
                out.printRecord(safe(r.source()), safe(r.id()), ids[i]);
            }
        }
    }

    /** One row per pair for review: both records' inputs and ids, the weight, probability and each contribution. */
    public static void writeReviewPairs(BatchLinker.Result result, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            out.printRecord(
                    "input_1", "record_id_1", "input_2", "record_id_2", "match_weight", "match_probability", "why");
            for (BatchLinker.ReviewPair p : result.reviewPairs()) {
                out.printRecord(
                        safe(p.first().source()),
                        safe(p.first().id()),
                        safe(p.second().source()),
                        safe(p.second().id()),
                        String.format(Locale.ROOT, "%.2f", p.score().matchWeight()),
                        String.format(Locale.ROOT, "%.4f", p.score().matchProbability()),
                        why(p.score().explanation()));
            }
        }
    }

    private static String why(Explanation explanation) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "prior %.2f", explanation.priorWeight()));
        List<Explanation.Contribution> contributions = explanation.contributions();
        for (Explanation.Contribution c : contributions) {
            if (!c.level().isNull()) {
                text.append(String.format(
                        Locale.ROOT, "; %s %s %+.2f", c.comparison(), c.level().name(), c.weight()));
            }
        }
        return text.toString();
    }
}
