package org.earlyhelp.hub.matching.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.earlyhelp.hub.matching.model.Explanation;
import org.earlyhelp.hub.matching.model.PersonRecord;

/**
 * Which true pairs a benchmark run did not link at its link threshold, and why, by counts only (no values): the
 * recall counterpart of {@link FalseLinkDiagnosis}, for {@code -Dbenchmark.diagnose=true} in {@link LinkBenchmarkTest}.
 *
 * <p>Each true pair whose two records end in different clusters gets one reason, from the pair itself:
 *
 * <ul>
 *   <li>{@code not-compared}: no blocking rule gives both records the same key in a block within the size cap;
 *   <li>{@code rule-TWINS}, {@code rule-RELATIVES}, {@code rule-HOUSEHOLD_ONLY}: a household rule decided the pair;
 *   <li>{@code below-review}: scored below the review threshold;
 *   <li>{@code review-band}: from the review threshold to below the link threshold;
 *   <li>{@code held-ambiguous}: the pair links, but one record links as strongly to a person kept apart from the
 *       other and the ambiguity rule held it out of both ({@code LinkRule.ambiguous});
 *   <li>{@code split-veto}: the pair links, but a twins or relatives pair keeps the two final clusters apart;
 *   <li>{@code split-corroboration}: the pair links, no veto between the clusters: the clustering's corroboration
 *       ({@code KeptPairs}) would not join them on this doubtful link.
 * </ul>
 *
 * <p>Also per reason: the coarse group of the pattern (which field is missing or disagrees), the commonest level
 * patterns, and where the load says ({@code true_errors} of {@code hub simulate people}) the simulator's error tags
 * of the two records.
 */
final class MissedLinkDiagnosis {

    private MissedLinkDiagnosis() {}

    static String diagnose(
            String name,
            BatchLinker.Result result,
            Map<String, String> truth,
            Map<String, String> errors,
            int maxBlockSize) {
        List<PersonRecord> records = result.records();
        int n = records.size();
        int[] ids = result.clusterIds();
        double link = result.settings().linkThreshold();
        double review = result.settings().reviewThreshold();
        StandardMatcher matcher = new StandardMatcher(result.settings());
        List<Blocking.BlockingRule> rules = matcher.blocking().rules();
        List<PreparedRecord> prepared =
                records.parallelStream().map(matcher::prepare).toList();
        RuleKeys ruleKeys = RuleKeys.of(rules, prepared);
        // the final clusters a twins or relatives pair keeps apart
        Set<Long> vetoed = new HashSet<>();
        result.forEachKeptPair((a, b, w, rule) -> {
            if (rule.keepsApart() && ids[a] != ids[b]) {
                vetoed.add(pairKey(ids[a], ids[b]));
            }
        });
        Set<Integer> ambiguous = result.ambiguousAt(link);
        Map<String, List<Integer>> byEntity = new HashMap<>();
        for (int i = 0; i < n; i++) {
            byEntity.computeIfAbsent(truth.get(records.get(i).id()), e -> new ArrayList<>())
                    .add(i);
        }
        Map<String, Long> reasons = new TreeMap<>();
        Map<String, Long> groups = new TreeMap<>();
        Map<String, Long> patterns = new HashMap<>();
        Map<String, Long> tags = new TreeMap<>();
        Map<String, Long> bands = new TreeMap<>();
        long truePairs = 0;
        long missed = 0;
        for (List<Integer> members : byEntity.values()) {
            for (int x = 0; x < members.size(); x++) {
                for (int y = x + 1; y < members.size(); y++) {
                    truePairs++;
                    int a = members.get(x);
                    int b = members.get(y);
                    if (ids[a] == ids[b]) {
                        continue;
                    }
                    missed++;
                    String reason;
                    String pattern = "";
                    if (!ruleKeys.compared(a, b, maxBlockSize)) {
                        reason = "not-compared";
                    } else {
                        PairScore score = result.score(a, b);
                        pattern = pattern(score.explanation());
                        Rule rule = score.rule();
                        double w = score.matchWeight();
                        if (rule == Rule.TWINS || rule == Rule.RELATIVES || rule == Rule.HOUSEHOLD_ONLY) {
                            reason = "rule-" + rule.name();
                        } else if (rule.links(w, link) && (ambiguous.contains(a) || ambiguous.contains(b))) {
                            reason = "held-ambiguous";
                        } else if (rule.links(w, link)) {
                            reason = vetoed.contains(pairKey(ids[a], ids[b])) ? "split-veto" : "split-corroboration";
                        } else if (w < review) {
                            reason = "below-review";
                        } else {
                            reason = "review-band";
                        }
                        if (rule == Rule.PROBABILISTIC) {
                            int band = (int) Math.floor(w / 4) * 4;
                            bands.merge(String.format(Locale.ROOT, "%s [%03d]", reason, band), 1L, Long::sum);
                        }
                    }
                    reasons.merge(reason, 1L, Long::sum);
                    if (!pattern.isEmpty()) {
                        groups.merge(reason + " " + group(pattern), 1L, Long::sum);
                        patterns.merge(reason + " |" + pattern, 1L, Long::sum);
                    }
                    Set<String> both = new TreeSet<>();
                    for (int i : new int[] {a, b}) {
                        String e = errors.getOrDefault(records.get(i).id(), "");
                        for (String tag : e.split(";")) {
                            if (!tag.isBlank()) {
                                both.add(tag.strip());
                            }
                        }
                    }
                    tags.merge(reason + " " + (both.isEmpty() ? "(none)" : String.join("+", both)), 1L, Long::sum);
                }
            }
        }
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%nMISSED %s at link %.2f (review %.2f): %d of %d true pairs not in one cluster (recall %.4f)%n",
                name,
                link,
                review,
                missed,
                truePairs,
                truePairs == 0 ? 1 : 1 - (double) missed / truePairs));
        out.append("by reason:");
        reasons.forEach(
                (r, c) -> out.append(' ').append(r).append(' ').append(c).append(';'));
        out.append("\nby reason and group:");
        groups.forEach((g, c) -> out.append("\n  ").append(g).append(' ').append(c));
        out.append("\nby reason and weight band (probabilistic):");
        bands.forEach((g, c) -> out.append("\n  ").append(g).append(' ').append(c));
        if (!errors.isEmpty()) {
            out.append("\nby reason and error tags of the two records (commonest 40):");
            tags.entrySet().stream()
                    .sorted((p, q) -> Long.compare(q.getValue(), p.getValue()))
                    .limit(40)
                    .forEach(e ->
                            out.append("\n  ").append(e.getKey()).append(' ').append(e.getValue()));
        }
        out.append("\n| reason | pattern | missed true pairs |\n|---|---|---|\n");
        patterns.entrySet().stream()
                .sorted((p, q) -> Long.compare(q.getValue(), p.getValue()))
                .limit(40)
                .forEach(e -> {
                    String[] parts = e.getKey().split(" \\|", 2);
                    out.append(String.format(Locale.ROOT, "| %s | %s | %d |%n", parts[0], parts[1], e.getValue()));
                });
        return out.toString();
    }

    private static long pairKey(int x, int y) {
        return ((long) Math.min(x, y) << 32) | Math.max(x, y);
    }

    /** The non-null levels of a pair, in model order. */
    private static String pattern(Explanation explanation) {
        StringBuilder key = new StringBuilder();
        for (var c : explanation.contributions()) {
            if (!c.level().isNull()) {
                key.append(key.isEmpty() ? "" : " ")
                        .append(c.comparison())
                        .append('=')
                        .append(c.level().name());
            }
        }
        return key.toString();
    }

    /** What a missed pair lacks or disagrees on, coarsely: missing or disagreeing date and names, address. */
    static String group(String pattern) {
        StringBuilder g = new StringBuilder();
        g.append(field(pattern, "forename"))
                .append(' ')
                .append(field(pattern, "surname"))
                .append(' ')
                .append(field(pattern, "date_of_birth"));
        boolean household = FalseLinkDiagnosis.group(pattern).startsWith("household");
        return g.append(household ? " household" : " not-household").toString();
    }

    private static String field(String pattern, String comparison) {
        int at = (" " + pattern).indexOf(" " + comparison + "=");
        if (at < 0) {
            return comparison + ":missing";
        }
        String level = pattern.substring(at + comparison.length() + 1).split(" ")[0];
        return comparison + ":" + (level.equals("EXACT") ? "exact" : level.equals("OTHER") ? "other" : "near");
    }
}
