package org.earlyhelp.hub.analytics.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import org.earlyhelp.hub.analytics.control.CountTable;
import org.earlyhelp.hub.analytics.criteria.NeedCriteria;
import org.earlyhelp.hub.analytics.criteria.Outcome;
import org.earlyhelp.hub.analytics.needs.FamilyNeeds;
import org.earlyhelp.hub.analytics.needs.NeedsIdentifier;
import org.earlyhelp.hub.analytics.needs.PersonNeeds;
import org.earlyhelp.hub.analytics.source.Families;
import org.earlyhelp.hub.analytics.source.HubPopulation;
import org.earlyhelp.hub.analytics.source.PersonFacts;

/**
 * Identifies every person's needs as at a date (and at the end of each earlier month, for the trend) in one pass over
 * the stored records, and counts them by area. The counts are true counts: they pass through disclosure control
 * before anything is written.
 */
public final class NeedsAnalysis {

    /** Families by how many needs they have: the column names of the family table. */
    public static final List<String> FAMILY_BANDS = List.of("1 need", "2 needs", "3 or more needs");

    /**
     * @param families every family with a need, each with its members who have one
     * @param peopleByArea people with each active need by area; a row's total is the people with any
     * @param familiesByArea families by how many needs they have, by area
     * @param trend people with each active need at the end of each month
     */
    public record Result(
            LocalDate asAt,
            long people,
            long familiesInIndex,
            List<FamilyNeeds> families,
            CountTable peopleByArea,
            CountTable familiesByArea,
            CountTable trend) {

        public List<FamilyNeeds> listed() {
            return families.stream().filter(FamilyNeeds::listed).toList();
        }
    }

    private NeedsAnalysis() {}

    /**
     * @param months how many month ends the trend covers, ending with the month of {@code asAt}
     * @param progress told of every record read
     */
    public static Result run(
            HubPopulation population,
            NeedsIdentifier identifier,
            Areas areas,
            LocalDate asAt,
            int months,
            LongConsumer progress) {
        NeedCriteria criteria = identifier.criteria();
        List<String> outcomes = criteria.outcomes().stream().map(Outcome::id).toList();
        Families families = population.families();
        Map<String, PersonFacts> facts = population.facts();
        List<LocalDate> monthEnds = new ArrayList<>();
        for (int i = months - 1; i >= 1; i--) {
            monthEnds.add(YearMonth.from(asAt).minusMonths(i).atEndOfMonth());
        }
        monthEnds.add(asAt);
        Map<String, long[]> byArea = new TreeMap<>();
        Map<String, long[]> anyByArea = new TreeMap<>();
        long[][] trend = new long[monthEnds.size()][outcomes.size()];
        long[] trendAny = new long[monthEnds.size()];
        Map<String, List<PersonNeeds>> byFamily = new HashMap<>();
        population.forEachPerson(
                criteria.types(),
                person -> {
                    String family = families.familyOf(person.personId());
                    for (int m = 0; m < monthEnds.size(); m++) {
                        PersonNeeds needs =
                                identifier.person(person.personId(), family, person.observations(), monthEnds.get(m));
                        List<String> active = needs.active();
                        for (String outcome : active) {
                            trend[m][outcomes.indexOf(outcome)]++;
                        }
                        if (!active.isEmpty()) {
                            trendAny[m]++;
                        }
                        if (m == monthEnds.size() - 1) {
                            if (!needs.needs().isEmpty()) {
                                byFamily.computeIfAbsent(family, f -> new ArrayList<>())
                                        .add(needs);
                            }
                            if (!active.isEmpty()) {
                                PersonFacts f = facts.get(person.personId());
                                String area = areas.areaOf(f == null ? null : f.postcode());
                                long[] row = byArea.computeIfAbsent(area, a -> new long[outcomes.size()]);
                                active.forEach(o -> row[outcomes.indexOf(o)]++);
                                anyByArea.computeIfAbsent(area, a -> new long[1])[0]++;
                            }
                        }
                    }
                },
                progress);
        List<FamilyNeeds> familyNeeds = new ArrayList<>();
        Map<String, long[]> familiesByArea = new TreeMap<>();
        byFamily.forEach((family, people) -> {
            FamilyNeeds f = identifier.family(family, families.size(family), people);
            familyNeeds.add(f);
            int n = f.active().size();
            if (n > 0) {
                String area = Areas.UNKNOWN;
                for (PersonNeeds p : people) {
                    PersonFacts pf = facts.get(p.personId());
                    if (pf != null && pf.postcode() != null) {
                        area = areas.areaOf(pf.postcode());
                        break;
                    }
                }
                familiesByArea.computeIfAbsent(area, a -> new long[FAMILY_BANDS.size()])[Math.min(n, 3) - 1]++;
            }
        });
        familyNeeds.sort(java.util.Comparator.comparing(FamilyNeeds::familyId));
        return new Result(
                asAt,
                families.people(),
                countFamilies(families),
                familyNeeds,
                peopleTable("people-with-needs-by-area", byArea, anyByArea, outcomes),
                additive("families-by-needs-and-area", familiesByArea, FAMILY_BANDS),
                trendTable(monthEnds, trend, trendAny, outcomes));
    }

    private static long countFamilies(Families families) {
        return families.familyCount();
    }

    private static CountTable peopleTable(
            String name, Map<String, long[]> byArea, Map<String, long[]> anyByArea, List<String> outcomes) {
        List<String> rows = new ArrayList<>(byArea.keySet());
        long[][] cells = new long[rows.size()][];
        long[] rowTotals = new long[rows.size()];
        long[] columnTotals = new long[outcomes.size()];
        long grand = 0;
        for (int i = 0; i < rows.size(); i++) {
            cells[i] = byArea.get(rows.get(i));
            rowTotals[i] = anyByArea.get(rows.get(i))[0];
            grand += rowTotals[i];
            for (int j = 0; j < outcomes.size(); j++) {
                columnTotals[j] += cells[i][j];
            }
        }
        return new CountTable(name, rows, outcomes, cells, rowTotals, columnTotals, grand);
    }

    private static CountTable additive(String name, Map<String, long[]> byArea, List<String> columns) {
        List<String> rows = new ArrayList<>(byArea.keySet());
        long[][] cells = rows.stream().map(byArea::get).toArray(long[][]::new);
        return CountTable.additive(name, rows, columns, cells);
    }

    private static CountTable trendTable(List<LocalDate> monthEnds, long[][] trend, long[] any, List<String> outcomes) {
        List<String> rows =
                monthEnds.stream().map(d -> YearMonth.from(d).toString()).toList();
        long[] columnTotals = new long[outcomes.size()];
        // a person counts in every month: the margin over months is not a count of people, so it is not published
        // as one; the column totals here are the latest month's, which the rows already show
        System.arraycopy(trend[trend.length - 1], 0, columnTotals, 0, outcomes.size());
        return new CountTable("needs-by-month", rows, outcomes, trend, any, columnTotals, any[any.length - 1]);
    }
}
