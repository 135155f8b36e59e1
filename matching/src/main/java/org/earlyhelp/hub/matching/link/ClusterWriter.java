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

/** Writes the batch linker's clusters ({@code input,record_id,cluster_id}) and review pairs as CSV. */
public final class ClusterWriter {

    private ClusterWriter() {}

    public static void writeClusters(BatchLinker.Result result, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            out.printRecord("input", "record_id", "cluster_id");
            int[] ids = result.clusterIds();
            for (int i = 0; i < ids.length; i++) {
                var r = result.records().get(i);
                out.printRecord(r.source(), r.id(), ids[i]);
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
                        p.first().source(),
                        p.first().id(),
                        p.second().source(),
                        p.second().id(),
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
