package org.earlyhelp.hub.analytics.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.earlyhelp.hub.analytics.needs.Evidence;
import org.earlyhelp.hub.analytics.needs.FamilyNeeds;
import org.earlyhelp.hub.analytics.needs.NeedStatus;
import org.earlyhelp.hub.analytics.needs.NeedsIdentifier;
import org.earlyhelp.hub.analytics.needs.PersonNeeds;
import org.earlyhelp.hub.analytics.source.Families;
import org.earlyhelp.hub.analytics.source.HubPopulation;
import org.earlyhelp.hub.governance.ledger.LedgerEntry;

/**
 * What an internal auditor needs to check one family's identification: the needs of each member who has one (a member
 * with none is counted, never named), each need's status and outcome clock, the records that evidence it (record id,
 * provider, type, date, when the hub received it), how the person index joined each record to the person (method,
 * weight, the record it matched, who decided), and every ledger entry that names those records with its place in the
 * hash chain (sequence and hash), so the auditor can follow each line back to the provider's record and to the ledger.
 *
 * @param members how many people the family has, with a need or not
 * @param joins how each evidence record was joined to its person
 * @param ledger the ledger entries naming each evidence record, by record id, in sequence order
 */
public record EvidencePack(
        LocalDate asAt,
        String familyId,
        int members,
        int threshold,
        FamilyNeeds needs,
        List<HubPopulation.Join> joins,
        Map<String, List<LedgerEntry>> ledger) {

    public EvidencePack {
        joins = List.copyOf(joins);
        ledger = Map.copyOf(ledger);
    }

    /**
     * The pack of the family of {@code personId} (any member's id, or the family's own), as at {@code asAt}; empty when
     * the person index holds no such person.
     *
     * @param ledgerOf the ledger entries naming each of these record ids
     */
    public static Optional<EvidencePack> of(
            HubPopulation population,
            NeedsIdentifier identifier,
            String personId,
            LocalDate asAt,
            Function<Collection<String>, Map<String, List<LedgerEntry>>> ledgerOf) {
        Families families = population.families();
        if (!families.contains(personId)) {
            return Optional.empty();
        }
        String family = families.familyOf(personId);
        List<String> members = families.members(family);
        List<PersonNeeds> people = new ArrayList<>();
        population.forPeople(
                members,
                identifier.criteria().types(),
                p -> people.add(identifier.person(p.personId(), family, p.observations(), asAt)));
        FamilyNeeds needs = identifier.family(family, members.size(), people);
        Set<String> named = new TreeSet<>();
        Set<String> records = new TreeSet<>();
        for (PersonNeeds p : needs.people()) {
            named.add(p.personId());
            for (NeedStatus n : p.needs()) {
                n.evidence().forEach(e -> records.add(e.recordId()));
            }
        }
        List<HubPopulation.Join> joins = named.isEmpty()
                ? List.of()
                : population.joins(named).stream()
                        .filter(j -> records.contains(j.recordId()))
                        .toList();
        Map<String, List<LedgerEntry>> ledger = new TreeMap<>(records.isEmpty() ? Map.of() : ledgerOf.apply(records));
        return Optional.of(new EvidencePack(
                asAt, family, members.size(), identifier.criteria().familyThreshold(), needs, joins, ledger));
    }

    /** How the person index joined {@code recordId} to {@code personId}, when it is known. */
    public Optional<HubPopulation.Join> join(String personId, String recordId) {
        return joins.stream()
                .filter(j -> j.personId().equals(personId) && j.recordId().equals(recordId))
                .findFirst();
    }

    /** Every evidence record, once. */
    public Set<String> records() {
        Set<String> out = new TreeSet<>();
        for (PersonNeeds p : needs.people()) {
            for (NeedStatus n : p.needs()) {
                for (Evidence e : n.evidence()) {
                    out.add(e.recordId());
                }
            }
        }
        return out;
    }
}
