package org.earlyhelp.hub.app.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.earlyhelp.hub.matching.engine.StandardMatcher;
import org.earlyhelp.hub.matching.identifiers.Postcode;
import org.earlyhelp.hub.matching.model.PersonRecord;
import org.earlyhelp.hub.matching.names.NameNormaliser;

/**
 * Measures the linkage benchmarks report beside F1: the floor an exact rule sets, and how many true pairs blocking lets
 * reach comparison at all (issue 10, points 3 and 4).
 */
final class BenchmarkMeasures {

    private BenchmarkMeasures() {}

    /**
     * Clusters by exact (normalised) forename, surname, date of birth and postcode: the deterministic rule a council
     * analyst would write first. Records missing any of the four stay alone; a set without postcodes uses the other three.
     */
    static Map<String, List<String>> exactRuleClusters(List<PersonRecord> records) {
        boolean anyPostcode = records.stream()
                .anyMatch(r -> r.postcode() != null && !r.postcode().isBlank());
        Map<String, List<String>> clusters = new HashMap<>();
        for (PersonRecord r : records) {
            String forename = NameNormaliser.normalise(r.forename());
            String surname = NameNormaliser.normalise(r.surname());
            String postcode = Postcode.parse(r.postcode())
                    .map(Postcode::value)
                    .orElse(r.postcode() == null ? "" : r.postcode().strip().toUpperCase(Locale.ROOT));
            boolean complete = !forename.isEmpty()
                    && !surname.isEmpty()
                    && r.dateOfBirth() != null
                    && (!anyPostcode || !postcode.isEmpty());
            String key = complete
                    ? forename + "|" + surname + "|" + r.dateOfBirth() + "|" + (anyPostcode ? postcode : "")
                    : "alone|" + r.source() + "|" + r.id();
            clusters.computeIfAbsent(key, k -> new ArrayList<>()).add(r.id());
            // ids are unique within one file, not across files: the benchmarks that use this give unique ids
        }
        return clusters;
    }

    /** {@link #exactRuleClusters} as a cluster number per record, in the records' order. */
    static int[] exactRuleIds(List<PersonRecord> records) {
        Map<String, Integer> clusterOf = new HashMap<>();
        int next = 0;
        for (List<String> members : exactRuleClusters(records).values()) {
            for (String id : members) {
                clusterOf.put(id, next);
            }
            next++;
        }
        int[] ids = new int[records.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = clusterOf.get(records.get(i).id());
        }
        return ids;
    }

    /**
     * The share of true pairs (records of one entity) that share at least one blocking key whose block is no larger
     * than {@code maxBlockSize}: the pairs that reach comparison at all.
     */
    static double blockingRecall(List<PersonRecord> records, Map<String, String> truth, int maxBlockSize) {
        StandardMatcher matcher = StandardMatcher.standard();
        List<Set<String>> keys = new ArrayList<>();
        Map<String, Integer> blockSizes = new HashMap<>();
        for (PersonRecord r : records) {
            Set<String> k = matcher.blockingKeys(r);
            keys.add(k);
            k.forEach(key -> blockSizes.merge(key, 1, Integer::sum));
        }
        Map<String, List<Integer>> byEntity = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            byEntity.computeIfAbsent(truth.get(records.get(i).id()), e -> new ArrayList<>())
                    .add(i);
        }
        long pairs = 0;
        long reached = 0;
        for (List<Integer> members : byEntity.values()) {
            for (int a = 0; a < members.size(); a++) {
                for (int b = a + 1; b < members.size(); b++) {
                    pairs++;
                    Set<String> shared = new HashSet<>(keys.get(members.get(a)));
                    shared.retainAll(keys.get(members.get(b)));
                    if (shared.stream().anyMatch(key -> blockSizes.get(key) <= maxBlockSize)) {
                        reached++;
                    }
                }
            }
        }
        return pairs == 0 ? 1 : (double) reached / pairs;
    }
}
