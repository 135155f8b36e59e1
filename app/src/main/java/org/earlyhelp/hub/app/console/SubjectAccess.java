package org.earlyhelp.hub.app.console;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.EntryType;
import org.earlyhelp.hub.governance.ledger.LedgerDraft;
import org.earlyhelp.hub.governance.ledger.LedgerEntry;
import org.earlyhelp.hub.governance.ledger.SubjectKey;
import org.earlyhelp.hub.matching.index.IndexedRecord;
import org.earlyhelp.hub.matching.index.PersonIndex;
import org.earlyhelp.hub.matching.model.PersonRecord;
import org.earlyhelp.hub.routes.resolve.RecordStore;
import org.earlyhelp.hub.schema.codec.RecordCodec;

/**
 * A subject access request: for one person, found through the person index (so the spellings other partners used are
 * included), the records the hub holds about them with the matching data that joined each, and every decision it took
 * about them: to whom, when, which fields, under which agreement, purpose and lawful basis. Other people in the same
 * records are left out (their data is not the requester's). The search itself is ledgered (a QUERY entry naming who
 * searched and how many entries were found, never the person).
 */
public final class SubjectAccess {

    private final PersonIndex index;
    private final RecordStore store;
    private final RecordCodec codec;
    private final DisclosureLedger ledger;
    private final SubjectKey subjectKey;

    public SubjectAccess(
            PersonIndex index, RecordStore store, RecordCodec codec, DisclosureLedger ledger, SubjectKey subjectKey) {
        this.index = index;
        this.store = store;
        this.codec = codec;
        this.ledger = ledger;
        this.subjectKey = subjectKey;
    }

    /** One record held about the person: what it is, who sent it, and how the hub joined it to them. */
    public record Held(
            String recordId,
            String type,
            String provider,
            Instant receivedAt,
            String role,
            String nameAsRecorded,
            String method,
            Double matchWeight) {}

    /** One decision about the person. */
    public record Disclosed(
            long seq,
            Instant at,
            String decision,
            String recipient,
            String agreement,
            String purpose,
            String lawfulBasis,
            List<String> fields,
            String recordId) {}

    public record Report(
            UUID personId, LocalDate asAt, List<String> namesAsRecorded, List<Held> held, List<Disclosed> disclosed) {}

    /** Finds the person and writes the report; empty when the index knows no one so described. */
    public Optional<Report> request(
            String givenName,
            String familyName,
            LocalDate dateOfBirth,
            String postcode,
            String actor,
            LocalDate today) {
        PersonRecord probe = PersonRecord.builder("subject-access")
                .source("subject-access")
                .forename(givenName)
                .surname(familyName)
                .dateOfBirth(dateOfBirth)
                .postcode(postcode == null || postcode.isBlank() ? null : postcode)
                .build();
        Optional<UUID> person = index.find(probe);
        Set<String> keys = new LinkedHashSet<>(subjectKey.candidates(givenName, familyName, dateOfBirth));
        List<Held> held = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (person.isPresent()) {
            List<IndexedRecord> records = index.recordsOf(person.get());
            for (IndexedRecord r : records) {
                PersonRecord p = r.record();
                String name = p.forename() + " " + p.surname() + ", born " + p.dateOfBirth();
                if (!names.contains(name)) {
                    names.add(name);
                }
                if (p.forename() != null && p.surname() != null && p.dateOfBirth() != null) {
                    keys.addAll(subjectKey.candidates(p.forename(), p.surname(), p.dateOfBirth()));
                }
            }
            Map<String, IndexedRecord> byKey = new java.util.HashMap<>();
            records.forEach(r -> byKey.put(r.recordKey(), r));
            for (RecordStore.StoredSubject s : store.about(byKey.keySet())) {
                IndexedRecord r = byKey.get(s.recordKey());
                String type = "";
                String provider = "";
                Instant received = null;
                try {
                    var record = codec.decodeRecord(s.body());
                    type = record.getType();
                    provider = record.getProviderOrganisation() != null
                            ? record.getProviderOrganisation()
                            : record.getProvider();
                    received = record.getReceivedAt();
                } catch (RuntimeException e) {
                    type = "(unreadable)";
                }
                held.add(new Held(
                        s.recordId(),
                        type,
                        provider,
                        received,
                        s.role(),
                        r.record().forename() + " " + r.record().surname(),
                        r.method(),
                        r.matchWeight()));
            }
        }
        List<Disclosed> disclosed = new ArrayList<>();
        for (LedgerEntry e : ledger.findBySubjects(keys)) {
            if (e.type() != EntryType.DISCLOSURE) {
                continue;
            }
            disclosed.add(new Disclosed(
                    e.seq(),
                    e.decidedAt(),
                    e.decision() == null ? "" : e.decision().name(),
                    e.recipient(),
                    e.agreementId() == null ? "" : e.agreementId() + " v" + e.agreementVersion(),
                    e.purpose(),
                    e.lawfulBasis(),
                    e.fieldsReleased(),
                    e.recordId()));
        }
        disclosed.sort(Comparator.comparing(Disclosed::seq));
        ledger.append(List.of(LedgerDraft.event(
                EntryType.QUERY,
                "subject-access:" + UUID.randomUUID(),
                actor,
                null,
                Map.of(
                        "query", "subject-access",
                        "found", String.valueOf(person.isPresent()),
                        "records", String.valueOf(held.size()),
                        "decisions", String.valueOf(disclosed.size())))));
        if (person.isEmpty() && disclosed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Report(person.orElse(null), today, names, held, disclosed));
    }
}
