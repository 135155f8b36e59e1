package org.earlyhelp.hub.matching.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Term frequencies of forenames and surnames counted over a batch of records (the batch linker's own input). */
public final class CountedTermFrequencies implements TermFrequencies {

    private final Map<String, Integer> forenames;
    private final Map<String, Integer> surnames;
    private final double forenameTotal;
    private final double surnameTotal;

    private CountedTermFrequencies(Map<String, Integer> forenames, Map<String, Integer> surnames) {
        this.forenames = forenames;
        this.surnames = surnames;
        this.forenameTotal =
                forenames.values().stream().mapToInt(Integer::intValue).sum();
        this.surnameTotal =
                surnames.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Counts the names of a batch; none below {@link #MINIMUM_RECORDS} records (no adjustment, as in the index). */
    public static CountedTermFrequencies count(List<PreparedRecord> records) {
        Map<String, Integer> forenames = new HashMap<>();
        Map<String, Integer> surnames = new HashMap<>();
        if (records.size() < MINIMUM_RECORDS) {
            return new CountedTermFrequencies(forenames, surnames);
        }
        for (PreparedRecord r : records) {
            if (!r.forename.isNull()) {
                forenames.merge(r.forename.normalised(), 1, Integer::sum);
            }
            if (!r.surname.isNull()) {
                surnames.merge(r.surname.normalised(), 1, Integer::sum);
            }
        }
        return new CountedTermFrequencies(forenames, surnames);
    }

    @Override
    public double frequency(String field, String normalisedValue) {
        Map<String, Integer> counts =
                switch (field) {
                    case "forename" -> forenames;
                    case "surname" -> surnames;
                    default -> Map.of();
                };
        Integer count = counts.get(normalisedValue);
        double total = "forename".equals(field) ? forenameTotal : surnameTotal;
        return count == null || total == 0 ? Double.NaN : count / total;
    }
}
