package org.earlyhelp.hub.matching.engine;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.earlyhelp.hub.matching.model.Explanation;

/**
 * Which links of a benchmark run are false, by counts only (no values): the comparison-level pattern of the
 * commonest false links at or above the link threshold, by deciding rule and weight band, whether the two records'
 * true people share a family (where the load says), and how many false pairs of the clusters come from a direct false
 * link and how many from chaining. For {@code -Dbenchmark.diagnose=true} in {@link LinkBenchmarkTest}.
 */
final class FalseLinkDiagnosis {

    private FalseLinkDiagnosis() {}

    static String diagnose(
            String name,
            BatchLinker.Result result,
            int[] ids,
            Map<String, String> truth,
            Map<String, String> families,
            double link) {
        Map<String, long[]> patterns = new HashMap<>();
        Map<String, long[]> byRule = new TreeMap<>();
        long[] family = new long[2];
        long[] direct = new long[1];
        double[] prior = new double[1];
        result.forEachKeptPair((a, b, weight, rule) -> {
            if (!rule.links(weight, link)) {
                return;
            }
            String ia = result.records().get(a).id();
            String ib = result.records().get(b).id();
            boolean same = truth.get(ia).equals(truth.get(ib));
            byRule.computeIfAbsent(rule.name(), r -> new long[2])[same ? 0 : 1]++;
            if (rule != Rule.PROBABILISTIC) {
                return;
            }
            String fa = families.get(ia);
            boolean sameFamily = fa != null && fa.equals(families.get(ib));
            Explanation explanation = result.score(a, b).explanation();
            StringBuilder key =
                    new StringBuilder(String.format(Locale.ROOT, "[%02d]", (int) Math.floor(weight / 4) * 4));
            for (var c : explanation.contributions()) {
                if (!c.level().isNull()) {
                    key.append(' ')
                            .append(c.comparison())
                            .append('=')
                            .append(c.level().name());
                }
            }
            // false links, of them in one family, true links, summed name weight (tenths) of the false ones
            long[] counts = patterns.computeIfAbsent(key.toString(), k -> new long[4]);
            if (same) {
                counts[2]++;
                return;
            }
            counts[0]++;
            if (sameFamily) {
                counts[1]++;
                family[0]++;
            } else {
                family[1]++;
            }
            if (ids[a] == ids[b]) {
                direct[0]++;
            }
            for (var c : explanation.contributions()) {
                if (c.comparison().equals("forename") || c.comparison().equals("surname")) {
                    counts[3] += Math.round(c.weight() * 10);
                }
            }
            prior[0] = explanation.priorWeight();
        });
        StringBuilder out = new StringBuilder(
                String.format(Locale.ROOT, "%nDIAGNOSIS %s at link %.2f%nlinks by rule (true / false):", name, link));
        byRule.forEach((rule, c) -> out.append(' ')
                .append(rule)
                .append(' ')
                .append(c[0])
                .append('/')
                .append(c[1]));
        out.append(String.format(
                Locale.ROOT,
                "%nfalse probabilistic links: same family %d, other %d; of them inside one final cluster %d; prior weight"
                        + " %.2f%n",
                family[0],
                family[1],
                direct[0],
                prior[0]));
        out.append(clusterShare(result, ids, truth));
        Map<String, long[]> groups = new TreeMap<>();
        patterns.forEach((key, c) -> {
            long[] g = groups.computeIfAbsent(group(key), x -> new long[2]);
            g[0] += c[0];
            g[1] += c[2];
        });
        out.append("by group (false / true links):");
        groups.forEach((g, c) -> out.append(String.format(Locale.ROOT, " %s %d / %d;", g, c[0], c[1])));
        out.append("\n");
        out.append(
                "| [weight band] pattern | false links | of them one family | true links | mean name weight (false) |\n"
                        + "|---|---|---|---|---|\n");
        patterns.entrySet().stream()
                .filter(e -> e.getValue()[0] > 0)
                .sorted((x, y) -> Long.compare(y.getValue()[0], x.getValue()[0]))
                .limit(40)
                .forEach(e -> out.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %d | %d | %.1f |%n",
                        e.getKey(),
                        e.getValue()[0],
                        e.getValue()[1],
                        e.getValue()[2],
                        e.getValue()[3] / 10.0 / e.getValue()[0])));
        return out.toString();
    }

    private static final java.util.regex.Pattern HOUSEHOLD =
            java.util.regex.Pattern.compile("address=(UPRN|SAME_HOUSE_AND_POSTCODE|SAME_HOUSE|POSTCODE_ONLY)( |$)");

    /** A coarse group of a level pattern, for the summary line: what tells the two records apart, if anything. */
    static String group(String key) {
        boolean household = HOUSEHOLD.matcher(key).find();
        if (!household) {
            return "not-one-household";
        }
        if (key.contains("nhs_number=OTHER")) {
            return "household-two-nhs-numbers";
        }
        boolean otherForename = key.contains("forename=OTHER");
        if (otherForename && key.contains("date_of_birth=EXACT")) {
            return "household-twins-near-surname";
        }
        if (otherForename && key.contains("date_of_birth=DAY_MONTH_TRANSPOSED")) {
            return "household-other-forename-transposed-date";
        }
        if (!key.contains("date_of_birth=")) {
            return key.contains("forename=EXACT")
                    ? "household-no-date-same-forename"
                    : "household-no-date-near-forename";
        }
        if (!key.contains("forename=")) {
            return "household-no-forename";
        }
        return "household-other";
    }

    /** False pairs of the clusters by cluster size: a few big chained clusters or many pairs. */
    private static String clusterShare(BatchLinker.Result result, int[] ids, Map<String, String> truth) {
        Map<Integer, Map<String, Long>> byCluster = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            byCluster
                    .computeIfAbsent(ids[i], c -> new HashMap<>())
                    .merge(truth.get(result.records().get(i).id()), 1L, Long::sum);
        }
        Map<Integer, long[]> bySize = new TreeMap<>();
        for (Map<String, Long> members : byCluster.values()) {
            long size = members.values().stream().mapToLong(Long::longValue).sum();
            long correct =
                    members.values().stream().mapToLong(k -> k * (k - 1) / 2).sum();
            long wrong = size * (size - 1) / 2 - correct;
            if (wrong > 0) {
                int bucket = size <= 4 ? (int) size : size <= 8 ? 8 : size <= 16 ? 16 : 99;
                long[] c = bySize.computeIfAbsent(bucket, x -> new long[3]);
                c[0]++;
                c[1] += wrong;
                c[2] += members.size();
            }
        }
        StringBuilder out = new StringBuilder("clusters with false pairs by size (<=; 99 = more): ");
        bySize.forEach((size, c) -> out.append(
                String.format(Locale.ROOT, " %d: %d clusters, %d false pairs, %d people;", size, c[0], c[1], c[2])));
        return out.append("\n").toString();
    }
}
