package org.earlyhelp.hub.analytics.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import org.earlyhelp.hub.analytics.control.CountTable;
import org.earlyhelp.hub.analytics.needs.NeedsIdentifier;
import org.earlyhelp.hub.analytics.needs.Observation;
import org.earlyhelp.hub.analytics.needs.PersonNeeds;
import org.earlyhelp.hub.analytics.source.Families;
import org.earlyhelp.hub.analytics.source.HubPopulation;
import org.earlyhelp.hub.analytics.source.PersonFacts;

/**
 * The early help scorecard's measures that the partners' records carry (after the Doncaster scorecard), by month and
 * by area: counts before disclosure control, each an areas-by-months table. What each counts:
 *
 * <ul>
 *   <li>{@code early-help-children}: children (under 18 at the month's end) with an early help case open at some time
 *       in the month; its rate per 10,000 under-18s is worked from the published count and the population CSV
 *   <li>{@code re-referrals-12m}: early help cases opened in the month for a child whose earlier early help case
 *       closed within the 12 months before
 *   <li>{@code social-care-after-early-help}: children stepped up in the month (a step-up referral, or a child in need
 *       or child protection case opened) who had an early help case before
 *   <li>{@code step-ups} and {@code step-downs}: referrals between early help and children's social care in the month
 *   <li>{@code enquiry-to-support}: early help cases whose support started in the month with the date of the enquiry,
 *       with the median days from one to the other
 *   <li>{@code families-identified}: families with the criteria's number of needs or more at the month's end, and
 *       {@code families-engaged}: those of them with an early help case open then
 * </ul>
 *
 * A row's total over months counts each child or family once (the margin is distinct, not summed) where the measure
 * counts people; event measures (cases opened, referrals) sum.
 */
public final class Scorecard {

    public static final Set<String> TYPES = Set.of("case-involvement", "case-referral");

    private static final String EARLY_HELP = "early-help";
    private static final Set<String> SOCIAL_CARE = Set.of("child-in-need", "child-protection", "looked-after");

    /**
     * @param counts each measure's table of counts before disclosure control, by name
     * @param medianDays the median days from enquiry to support by area (a row) and month (a column), before control
     */
    public record Result(
            List<YearMonth> months, Map<String, CountTable> counts, Map<String, Map<String, Double>> medianDays) {

        public List<String> measures() {
            return List.copyOf(counts.keySet());
        }
    }

    private Scorecard() {}

    public static Result run(
            HubPopulation population,
            NeedsIdentifier identifier,
            Areas areas,
            YearMonth from,
            YearMonth to,
            LongConsumer progress) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        Families families = population.families();
        Map<String, PersonFacts> facts = population.facts();
        Set<String> types = new HashSet<>(identifier.criteria().types());
        types.addAll(TYPES);
        Tally tally = new Tally(months);
        Map<String, long[]> familyNeeds = new HashMap<>(); // bitmask of active outcomes per month
        Map<String, boolean[]> familyEngaged = new HashMap<>();
        Map<String, String> familyArea = new HashMap<>();
        List<String> outcomes =
                identifier.criteria().outcomes().stream().map(o -> o.id()).toList();
        population.forEachPerson(
                types,
                person -> {
                    PersonFacts f = facts.get(person.personId());
                    String area = areas.areaOf(f == null ? null : f.postcode());
                    String family = families.familyOf(person.personId());
                    if (f != null && f.postcode() != null) {
                        familyArea.putIfAbsent(family, area);
                    }
                    boolean[] engaged = tally.person(person.personId(), area, f, person.observations());
                    boolean[] known = familyEngaged.computeIfAbsent(family, k -> new boolean[months.size()]);
                    for (int m = 0; m < months.size(); m++) {
                        known[m] |= engaged[m];
                        PersonNeeds needs = identifier.person(
                                person.personId(),
                                family,
                                person.observations(),
                                months.get(m).atEndOfMonth());
                        for (String o : needs.active()) {
                            familyNeeds.computeIfAbsent(family, k -> new long[months.size()])[m] |=
                                    1L << outcomes.indexOf(o);
                        }
                    }
                },
                progress);
        int threshold = identifier.criteria().familyThreshold();
        familyNeeds.forEach((family, masks) -> {
            String area = familyArea.getOrDefault(family, Areas.UNKNOWN);
            boolean[] engaged = familyEngaged.getOrDefault(family, new boolean[months.size()]);
            for (int m = 0; m < months.size(); m++) {
                if (Long.bitCount(masks[m]) >= threshold) {
                    tally.count("families-identified", area, m, family);
                    if (engaged[m]) {
                        tally.count("families-engaged", area, m, family);
                    }
                }
            }
        });
        return tally.result();
    }

    /** The counts as they build up, per measure, area and month (distinct units per cell and per margin). */
    static final class Tally {
        private static final List<String> MEASURES = List.of(
                "early-help-children",
                "re-referrals-12m",
                "social-care-after-early-help",
                "step-ups",
                "step-downs",
                "enquiry-to-support",
                "families-identified",
                "families-engaged");
        private static final Set<String> EVENTS = Set.of(
                "re-referrals-12m", "social-care-after-early-help", "step-ups", "step-downs", "enquiry-to-support");

        private final List<YearMonth> months;
        // measure -> area -> month -> units counted
        private final Map<String, Map<String, List<Set<String>>>> units = new TreeMap<>();
        private final Map<String, Map<Integer, List<Long>>> days = new TreeMap<>();
        private final Set<String> stepReferrals = new HashSet<>();

        Tally(List<YearMonth> months) {
            this.months = months;
            MEASURES.forEach(m -> units.put(m, new TreeMap<>()));
        }

        void count(String measure, String area, int month, String unit) {
            units.get(measure)
                    .computeIfAbsent(area, a -> {
                        List<Set<String>> cells = new ArrayList<>();
                        months.forEach(x -> cells.add(new HashSet<>()));
                        return cells;
                    })
                    .get(month)
                    .add(unit);
        }

        /** Counts one person's cases and referrals; returns, per month, whether they had early help open at its end. */
        boolean[] person(String personId, String area, PersonFacts facts, List<Observation> observations) {
            boolean[] openAtEnd = new boolean[months.size()];
            List<LocalDate[]> earlyHelp = new ArrayList<>(); // opened, closed (null when open)
            for (Observation o : observations) {
                if (o.type().equals("case-involvement")
                        && EARLY_HELP.equals(String.valueOf(o.values().get("case.case-type")))) {
                    LocalDate opened = NeedsIdentifier.date(o.values().get("case.opened-on"));
                    if (opened != null) {
                        earlyHelp.add(new LocalDate[] {
                            opened, NeedsIdentifier.date(o.values().get("case.closed-on"))
                        });
                    }
                }
            }
            earlyHelp.sort((a, b) -> a[0].compareTo(b[0]));
            for (int m = 0; m < months.size(); m++) {
                LocalDate start = months.get(m).atDay(1);
                LocalDate end = months.get(m).atEndOfMonth();
                boolean child = isChild(facts, observations, end);
                for (LocalDate[] c : earlyHelp) {
                    boolean openInMonth = !c[0].isAfter(end) && (c[1] == null || !c[1].isBefore(start));
                    if (openInMonth && child) {
                        count("early-help-children", area, m, personId);
                    }
                    if (!c[0].isAfter(end) && (c[1] == null || c[1].isAfter(end))) {
                        openAtEnd[m] = true;
                    }
                    if (!c[0].isBefore(start) && !c[0].isAfter(end)) {
                        for (LocalDate[] earlier : earlyHelp) {
                            if (earlier != c
                                    && earlier[1] != null
                                    && !earlier[1].isAfter(c[0])
                                    && ChronoUnit.DAYS.between(earlier[1], c[0]) <= 365) {
                                count("re-referrals-12m", area, m, personId + "@" + c[0]);
                                break;
                            }
                        }
                    }
                }
            }
            for (Observation o : observations) {
                LocalDate on = null;
                String step = null;
                if (o.type().equals("case-referral")) {
                    on = NeedsIdentifier.date(o.values().get("referral.referred-on"));
                    step = String.valueOf(o.values().get("referral.direction"));
                } else if (o.type().equals("case-involvement")) {
                    Object type = o.values().get("case.case-type");
                    if (SOCIAL_CARE.contains(String.valueOf(type))) {
                        on = NeedsIdentifier.date(o.values().get("case.opened-on"));
                        step = "STEP_UP";
                    } else if (EARLY_HELP.equals(String.valueOf(type))) {
                        supportStarted(personId, area, o);
                    }
                }
                int m = on == null ? -1 : months.indexOf(YearMonth.from(on));
                if (m < 0) {
                    continue;
                }
                LocalDate when = on;
                if (o.type().equals("case-referral") && stepReferrals.add(o.recordId())) {
                    count(step.equals("STEP_UP") ? "step-ups" : "step-downs", area, m, o.recordId());
                }
                if (step.equals("STEP_UP") && earlyHelp.stream().anyMatch(c -> c[0].isBefore(when))) {
                    count("social-care-after-early-help", area, m, personId);
                }
            }
            return openAtEnd;
        }

        private void supportStarted(String personId, String area, Observation o) {
            LocalDate enquiry = NeedsIdentifier.date(o.values().get("case.enquiry-on"));
            LocalDate support = NeedsIdentifier.date(o.values().get("case.support-started-on"));
            if (enquiry == null || support == null || support.isBefore(enquiry)) {
                return;
            }
            int m = months.indexOf(YearMonth.from(support));
            if (m < 0) {
                return;
            }
            // one case may be about several people: the case (record) counts once
            if (units.get("enquiry-to-support").values().stream()
                    .anyMatch(cells -> cells.get(m).contains(o.recordId()))) {
                return;
            }
            count("enquiry-to-support", area, m, o.recordId());
            days.computeIfAbsent(area, a -> new TreeMap<>())
                    .computeIfAbsent(m, x -> new ArrayList<>())
                    .add(ChronoUnit.DAYS.between(enquiry, support));
        }

        private static boolean isChild(PersonFacts facts, List<Observation> observations, LocalDate on) {
            if (facts != null && facts.dateOfBirth() != null) {
                return facts.dateOfBirth().plusYears(18).isAfter(on);
            }
            return observations.stream().anyMatch(o -> "child".equals(o.role()));
        }

        Result result() {
            List<String> columns = months.stream().map(YearMonth::toString).toList();
            Map<String, CountTable> tables = new java.util.LinkedHashMap<>();
            units.forEach((measure, byArea) -> {
                List<String> rows = new ArrayList<>(byArea.keySet());
                long[][] cells = new long[rows.size()][months.size()];
                long[] rowTotals = new long[rows.size()];
                long[] columnTotals = new long[months.size()];
                Set<String> all = new HashSet<>();
                List<Set<String>> perMonth = new ArrayList<>();
                months.forEach(x -> perMonth.add(new HashSet<>()));
                for (int i = 0; i < rows.size(); i++) {
                    Set<String> row = new HashSet<>();
                    List<Set<String>> cellsOf = byArea.get(rows.get(i));
                    for (int m = 0; m < months.size(); m++) {
                        cells[i][m] = cellsOf.get(m).size();
                        row.addAll(cellsOf.get(m));
                        perMonth.get(m).addAll(cellsOf.get(m));
                    }
                    rowTotals[i] = EVENTS.contains(measure) ? sum(cells[i]) : row.size();
                    all.addAll(row);
                }
                long grand = 0;
                for (int m = 0; m < months.size(); m++) {
                    columnTotals[m] = perMonth.get(m).size();
                    grand += columnTotals[m];
                }
                if (!EVENTS.contains(measure)) {
                    grand = all.size();
                }
                tables.put(measure, new CountTable(measure, rows, columns, cells, rowTotals, columnTotals, grand));
            });
            Map<String, Map<String, Double>> medians = new TreeMap<>();
            days.forEach((area, byMonth) -> byMonth.forEach((m, values) ->
                    medians.computeIfAbsent(area, a -> new TreeMap<>()).put(columns.get(m), median(values))));
            Map<String, Double> overall = new TreeMap<>();
            for (int m = 0; m < months.size(); m++) {
                List<Long> values = new ArrayList<>();
                for (Map<Integer, List<Long>> byMonth : days.values()) {
                    values.addAll(byMonth.getOrDefault(m, List.of()));
                }
                if (!values.isEmpty()) {
                    overall.put(columns.get(m), median(values));
                }
            }
            medians.put("Total", overall);
            return new Result(months, tables, medians);
        }

        private static long sum(long[] row) {
            long s = 0;
            for (long v : row) {
                s += v;
            }
            return s;
        }

        private static double median(List<Long> values) {
            List<Long> sorted = new ArrayList<>(values);
            sorted.sort(Long::compare);
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        }
    }
}
