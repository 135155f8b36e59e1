package org.earlyhelp.hub.matching.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.earlyhelp.hub.matching.model.PersonRecord;

/**
 * How many true pairs the blocking rules let reach comparison at all, overall and per rule, and how many pairs each rule
 * makes (blocks within the size cap): for the benchmarks (issue 10, point 4).
 */
record BlockingMeasure(double recall, String table) {

    static BlockingMeasure measure(List<PersonRecord> records, Map<String, String> truth, int maxBlockSize) {
        StandardMatcher matcher = StandardMatcher.standard();
        List<Blocking.BlockingRule> rules = matcher.blocking().rules();
        int n = records.size();
        List<PreparedRecord> prepared =
                records.parallelStream().map(matcher::prepare).toList();
        RuleKeys ruleKeys = RuleKeys.of(rules, prepared);
        long[] pairs = new long[rules.size()];
        for (int r = 0; r < rules.size(); r++) {
            for (int s : ruleKeys.sizes().get(r).values()) {
                if (s <= Math.min(maxBlockSize, rules.get(r).maxBlock())) {
                    pairs[r] += (long) s * (s - 1) / 2;
                }
            }
        }
        Map<String, List<Integer>> byEntity = new HashMap<>();
        for (int i = 0; i < n; i++) {
            byEntity.computeIfAbsent(truth.get(records.get(i).id()), e -> new ArrayList<>())
                    .add(i);
        }
        long truePairs = 0;
        long reached = 0;
        long[] byRule = new long[rules.size()];
        long[] onlyRule = new long[rules.size()];
        for (List<Integer> members : byEntity.values()) {
            for (int x = 0; x < members.size(); x++) {
                for (int y = x + 1; y < members.size(); y++) {
                    truePairs++;
                    int a = members.get(x);
                    int b = members.get(y);
                    int found = 0;
                    int last = -1;
                    for (int r = 0; r < rules.size(); r++) {
                        if (ruleKeys.together(r, a, b, maxBlockSize)) {
                            byRule[r]++;
                            found++;
                            last = r;
                        }
                    }
                    if (found > 0) {
                        reached++;
                    } else if (Boolean.getBoolean("benchmark.printMissed")) {
                        PersonRecord ra = records.get(a);
                        PersonRecord rb = records.get(b);
                        System.out.println("MISSED " + ra.forename() + "," + ra.surname() + "," + ra.dateOfBirth() + ","
                                + ra.town() + "," + ra.email() + "," + ra.postcode() + " | " + rb.forename() + ","
                                + rb.surname() + "," + rb.dateOfBirth() + "," + rb.town() + "," + rb.email() + ","
                                + rb.postcode());
                    }
                    if (found == 1) {
                        onlyRule[last]++;
                    }
                }
            }
        }
        StringBuilder table = new StringBuilder(
                "| rule | pairs | per record | true pairs reached | only this rule |\n" + "|---|---|---|---|---|\n");
        for (int r = 0; r < rules.size(); r++) {
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.2f | %.4f | %d |%n",
                    rules.get(r).name(),
                    pairs[r],
                    (double) pairs[r] / Math.max(1, n),
                    truePairs == 0 ? 0 : (double) byRule[r] / truePairs,
                    onlyRule[r]));
        }
        double recall = truePairs == 0 ? 1 : (double) reached / truePairs;
        table.append(String.format(Locale.ROOT, "| any | | | %.4f | (%d true pairs) |%n", recall, truePairs));
        return new BlockingMeasure(recall, table.toString());
    }
}
