package org.earlyhelp.hub.routes.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.generic.GenericRecord;
import org.earlyhelp.hub.connector.api.PersonLinks;
import org.earlyhelp.hub.connector.api.batch.BatchItemFailure;
import org.earlyhelp.hub.governance.relationship.RelationshipAssertion;
import org.earlyhelp.hub.governance.relationship.RelationshipRegister;
import org.earlyhelp.hub.governance.relationship.RelationshipRules;
import org.earlyhelp.hub.matching.index.IndexedRecord;
import org.earlyhelp.hub.matching.index.PersonIndex;
import org.earlyhelp.hub.matching.index.Resolution;
import org.earlyhelp.hub.matching.model.PersonRecord;
import org.earlyhelp.hub.schema.Address;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.payload.PayloadTypes;

/**
 * The resolve step: keeps each arriving record and resolves every person in it against the person index, so that
 * records about one child from different partners become one person. The links between people a partner's records
 * assert join the people they name, and the records that establish a legitimate relationship (a pupil on a school's
 * own roll, an open involvement, a tenancy) write it to the relationship register: both as the partner's connector
 * declares ({@link Partners}), so no partner is named here. Idempotent, so a replayed batch changes nothing.
 */
public final class RecordResolver {

    private final PersonIndex index;
    private final RecordStore store;
    private final RelationshipRegister relationships;
    private final Partners partners;
    private final ExecutorService workers;

    /**
     * What the resolve step needs to know of the partners, from their connectors: the payload types, the
     * relationships and person links each partner's records assert, and which partners' records are education records
     * (between which a unique pupil number is trusted).
     */
    public record Partners(
            PayloadTypes payloads,
            RelationshipRules relationships,
            Map<String, PersonLinks> personLinks,
            Set<String> educationProviders) {
        public Partners {
            personLinks = Map.copyOf(personLinks);
            educationProviders = Set.copyOf(educationProviders);
        }
    }

    /**
     * @param parallelism how many people are resolved at once (each is one short PostgreSQL transaction; resolutions
     *     that could touch the same person are serialised by the index itself)
     */
    public RecordResolver(
            PersonIndex index,
            RecordStore store,
            RelationshipRegister relationships,
            Partners partners,
            int parallelism) {
        this.index = index;
        this.store = store;
        this.relationships = relationships;
        this.partners = partners;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "hub-resolve-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Resolves a batch: stores every record in one transaction, then resolves all their people concurrently. A failure
     * that belongs to one record's person or relationships is thrown as a {@link BatchItemFailure} naming that
     * record's position in {@code records}.
     */
    public void resolveAll(List<HubRecord> records, List<byte[]> encoded) {
        store.saveAll(records, encoded);
        List<Callable<Resolution>> tasks = new ArrayList<>();
        List<Integer> recordOfTask = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            HubRecord record = records.get(i);
            for (Person person : record.getPeople()) {
                tasks.add(() -> index.resolve(toPersonRecord(record, person, isEducation(record))));
                recordOfTask.add(i);
            }
        }
        try {
            List<Future<Resolution>> done = workers.invokeAll(tasks);
            for (int t = 0; t < done.size(); t++) {
                try {
                    done.get(t).get();
                } catch (ExecutionException e) {
                    // name the record whose person failed, so the batch support can set it aside alone
                    throw new BatchItemFailure(recordOfTask.get(t), e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resolving people", e);
        }
        for (int i = 0; i < records.size(); i++) {
            try {
                relate(records.get(i));
                establishRelationships(records.get(i));
            } catch (RuntimeException e) {
                throw new BatchItemFailure(i, e);
            }
        }
        index.flushTermFrequencies();
    }

    public List<Resolution> resolve(HubRecord record, byte[] encoded) {
        store.save(record, encoded);
        List<Resolution> resolutions = new ArrayList<>();
        for (Person person : record.getPeople()) {
            resolutions.add(index.resolve(toPersonRecord(record, person, isEducation(record))));
        }
        relate(record);
        establishRelationships(record);
        return resolutions;
    }

    /**
     * Writes the legitimate relationships the record establishes or ends ({@link RelationshipRules}), once its people
     * are resolved: a closing record ends the organisation's relationship with the person, whichever of the person's
     * records established it.
     */
    private void establishRelationships(HubRecord record) {
        List<RelationshipAssertion> assertions = partners.relationships().of(record, payloadOf(record));
        List<RelationshipAssertion> opening =
                assertions.stream().filter(a -> !a.closing()).toList();
        relationships.apply(opening, List.of(), record.getReceivedAt());
        for (RelationshipAssertion closing : assertions) {
            if (closing.closing()) {
                String sourceRecordId =
                        closing.recordKey().substring(closing.recordKey().indexOf('/') + 1);
                List<String> keys = index.personOf(record.getProvider(), sourceRecordId).stream()
                        .flatMap(person -> index.recordsOf(person).stream())
                        .map(IndexedRecord::recordKey)
                        .toList();
                relationships.apply(List.of(closing), keys, record.getReceivedAt());
            }
        }
    }

    /** Joins the people the record's provider says are related (as its connector declares, by ref). */
    private void relate(HubRecord record) {
        PersonLinks links = partners.personLinks().get(record.getProvider());
        if (links == null) {
            return;
        }
        for (PersonLinks.Link link : links.of(record, payloadOf(record))) {
            index.relate(
                    record.getProvider(),
                    record.getRecordId() + "#" + link.fromRef(),
                    record.getRecordId() + "#" + link.toRef(),
                    link.kind());
        }
    }

    private GenericRecord payloadOf(HubRecord record) {
        return partners.payloads().decode(record.getType(), record.getPayload());
    }

    private boolean isEducation(HubRecord record) {
        return partners.educationProviders().contains(record.getProvider());
    }

    public void close() {
        workers.shutdownNow();
    }

    /** What the matcher compares, taken from one person of a canonical record. */
    public static PersonRecord toPersonRecord(HubRecord record, Person person, boolean education) {
        PersonRecord.Builder b = PersonRecord.builder(RecordStore.sourceRecordId(record, person))
                .source(record.getProvider())
                .education(education)
                .forename(person.getGivenName())
                .surname(person.getFamilyName())
                .dateOfBirth(person.getDateOfBirth())
                .sex(person.getSex() == null ? null : person.getSex().name())
                .nhsNumber(person.getNhsNumber())
                .upn(person.getUpn());
        Address address = person.getAddress();
        if (address != null) {
            List<String> lines = address.getLines();
            b.postcode(address.getPostcode()).uprn(address.getUprn());
            if (!lines.isEmpty()) {
                b.address(String.join(" ", lines.subList(0, Math.max(1, lines.size() - 1))));
                if (lines.size() > 1) {
                    b.town(lines.get(lines.size() - 1));
                }
            }
        }
        return b.build();
    }
}
