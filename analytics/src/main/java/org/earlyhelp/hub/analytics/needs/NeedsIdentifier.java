package org.earlyhelp.hub.analytics.needs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.earlyhelp.hub.analytics.criteria.Indicator;
import org.earlyhelp.hub.analytics.criteria.NeedCriteria;
import org.earlyhelp.hub.analytics.criteria.Outcome;

/**
 * Applies the {@link NeedCriteria} to one person's observations as at a date. Nothing dated or received after the
 * date counts, so a rerun as at an earlier date gives what the hub would have said then.
 */
public final class NeedsIdentifier {

    private static final Comparator<Evidence> BY_DATE =
            Comparator.comparing(Evidence::date).thenComparing(Evidence::recordId);

    private final NeedCriteria criteria;

    public NeedsIdentifier(NeedCriteria criteria) {
        this.criteria = criteria;
    }

    public NeedCriteria criteria() {
        return criteria;
    }

    /** The person's needs (only the outcomes with any), in the order of the criteria. */
    public PersonNeeds person(String personId, String familyId, List<Observation> observations, LocalDate asAt) {
        List<Evidence> closures = new ArrayList<>();
        if (criteria.caseClosure() != null) {
            for (Observation o : observations) {
                Evidence e = evidence("case-closure", criteria.caseClosure(), o, asAt);
                if (e != null) {
                    closures.add(e);
                }
            }
            closures.sort(BY_DATE);
        }
        List<NeedStatus> needs = new ArrayList<>();
        for (Outcome outcome : criteria.outcomes()) {
            NeedStatus status = outcome(outcome, observations, closures, asAt);
            if (status != null) {
                needs.add(status);
            }
        }
        return new PersonNeeds(personId, familyId, needs);
    }

    /** A family from its members' needs; {@code members} counts everyone in it. */
    public FamilyNeeds family(String familyId, int members, List<PersonNeeds> people) {
        Map<String, Set<String>> activeBy = new TreeMap<>();
        List<PersonNeeds> withNeeds = new ArrayList<>();
        for (PersonNeeds p : people) {
            if (p.needs().isEmpty()) {
                continue;
            }
            withNeeds.add(p);
            for (String outcome : p.active()) {
                activeBy.computeIfAbsent(outcome, o -> new TreeSet<>()).add(p.personId());
            }
        }
        return new FamilyNeeds(familyId, members, withNeeds, activeBy, activeBy.size() >= criteria.familyThreshold());
    }

    private NeedStatus outcome(
            Outcome outcome, List<Observation> observations, List<Evidence> closures, LocalDate asAt) {
        List<Evidence> need = new ArrayList<>();
        List<Evidence> current = new ArrayList<>();
        List<Evidence> resolved = new ArrayList<>();
        for (Observation o : observations) {
            for (Indicator i : outcome.need()) {
                Evidence e = evidence("need", i, o, asAt);
                if (e != null) {
                    need.add(e);
                    if (i.withinMonths() == null
                            || !e.date().plusMonths(i.withinMonths()).isBefore(asAt)) {
                        current.add(e);
                    }
                }
            }
            for (Indicator i : outcome.resolved()) {
                Evidence e = evidence("resolved", i, o, asAt);
                if (e != null) {
                    resolved.add(e);
                }
            }
        }
        if (need.isEmpty()) {
            return null;
        }
        need.sort(BY_DATE);
        current.sort(BY_DATE);
        LocalDate latest = need.get(need.size() - 1).date();
        Evidence resolution = resolved.stream()
                .filter(e -> e.date().isAfter(latest))
                .min(BY_DATE)
                .orElse(null);
        if (resolution == null) {
            if (current.isEmpty()) {
                return null; // the evidence is too old to count and nothing resolved it: no longer a known need
            }
            return new NeedStatus(
                    outcome.id(), NeedStatus.Status.ACTIVE, current.get(0).date(), latest, null, null, null, current);
        }
        Evidence closure = closures.stream()
                .filter(c -> !c.date().isBefore(resolution.date()))
                .findFirst()
                .orElse(null);
        LocalDate clockFrom = closure == null ? null : closure.date();
        LocalDate sustainedOn = clockFrom == null ? null : clockFrom.plusMonths(criteria.sustainMonths());
        if (current.isEmpty()
                && (sustainedOn == null || sustainedOn.plusMonths(12).isBefore(asAt))) {
            return null; // long resolved and sustained, or resolved long ago with no case ever closed: history
        }
        NeedStatus.Status status = sustainedOn != null && !sustainedOn.isAfter(asAt)
                ? NeedStatus.Status.SUSTAINED
                : NeedStatus.Status.RESOLVED;
        List<Evidence> evidence = new ArrayList<>(current.isEmpty() ? List.of(need.get(need.size() - 1)) : current);
        evidence.add(resolution);
        if (closure != null) {
            evidence.add(closure);
        }
        LocalDate since = current.isEmpty() ? latest : current.get(0).date();
        return new NeedStatus(outcome.id(), status, since, latest, resolution.date(), clockFrom, sustainedOn, evidence);
    }

    /** The evidence this observation gives of the indicator as at the date, or null. */
    private static Evidence evidence(String kind, Indicator indicator, Observation o, LocalDate asAt) {
        if (!indicator.matches(o.type(), o.role(), o.values())) {
            return null;
        }
        LocalDate received = o.receivedAt().atOffset(ZoneOffset.UTC).toLocalDate();
        if (received.isAfter(asAt)) {
            return null;
        }
        LocalDate date = received;
        if (indicator.datedBy() != null) {
            date = date(o.values().get(indicator.datedBy()));
            if (date == null) {
                return null; // the record does not say when: it cannot be placed in a window
            }
        }
        if (date.isAfter(asAt)) {
            return null;
        }
        return new Evidence(kind, indicator.id(), o.recordId(), o.provider(), o.type(), date, o.receivedAt());
    }

    /** A date from a record value: a date, an instant or ISO text; null when it is none. */
    public static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC).toLocalDate();
        }
        if (value instanceof CharSequence s) {
            try {
                return LocalDate.parse(s.toString().substring(0, Math.min(10, s.length())));
            } catch (RuntimeException e) {
                return null;
            }
        }
        return null;
    }
}
