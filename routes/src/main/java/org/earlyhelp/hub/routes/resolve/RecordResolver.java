package org.earlyhelp.hub.routes.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.earlyhelp.hub.matching.index.PersonIndex;
import org.earlyhelp.hub.matching.index.Resolution;
import org.earlyhelp.hub.matching.model.PersonRecord;
import org.earlyhelp.hub.routes.batch.BatchItemFailure;
import org.earlyhelp.hub.schema.Address;
import org.earlyhelp.hub.schema.CaseInvolvement;
import org.earlyhelp.hub.schema.HealthInvolvement;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.Relationship;
import org.earlyhelp.hub.schema.Role;
import org.earlyhelp.hub.schema.SchoolAttendance;

/**
 * The resolve step: keeps each arriving record and resolves every person in it against the person index, so that
 * records about one child from different partners become one person. Relationships the case system records join the
 * people they name. Idempotent, so a replayed batch changes nothing.
 */
public final class RecordResolver {

    /** The partner whose records are education records: a UPN counts only between these. */
    static final String EDUCATION_PROVIDER = "schools";

    /** The relationship a school's contact record asserts between a parent and a pupil. */
    static final String SCHOOL_CONTACT_OF = "SCHOOL_CONTACT_OF";

    /** The relationship health asserts between a parent and a child patient (FHIR RelatedPerson's meaning). */
    static final String RELATED_PERSON_OF = "RELATED_PERSON_OF";

    private final PersonIndex index;
    private final RecordStore store;
    private final ExecutorService workers;

    /**
     * @param parallelism how many people are resolved at once (each is one short PostgreSQL transaction; resolutions
     *     that could touch the same person are serialised by the index itself)
     */
    public RecordResolver(PersonIndex index, RecordStore store, int parallelism) {
        this.index = index;
        this.store = store;
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
                tasks.add(() -> index.resolve(toPersonRecord(record, person)));
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
            resolutions.add(index.resolve(toPersonRecord(record, person)));
        }
        relate(record);
        return resolutions;
    }

    private void relate(HubRecord record) {
        if (record.getPayload() instanceof CaseInvolvement involvement) {
            for (Relationship r : involvement.getRelationships()) {
                index.relate(
                        record.getProvider(),
                        record.getRecordId() + "#" + r.getFromRef(),
                        record.getRecordId() + "#" + r.getToRef(),
                        r.getKind().name());
            }
        }
        String contactKind = record.getPayload() instanceof SchoolAttendance
                ? SCHOOL_CONTACT_OF
                : record.getPayload() instanceof HealthInvolvement ? RELATED_PERSON_OF : null;
        if (contactKind != null) {
            // A school's contacts for a pupil, or health's related people for a patient (as FHIR RelatedPerson):
            // each parent in the record is related to each child in it.
            for (Person contact : record.getPeople()) {
                if (contact.getRole() != Role.PARENT) {
                    continue;
                }
                for (Person child : record.getPeople()) {
                    if (child.getRole() == Role.CHILD) {
                        index.relate(
                                record.getProvider(),
                                RecordStore.sourceRecordId(record, contact),
                                RecordStore.sourceRecordId(record, child),
                                contactKind);
                    }
                }
            }
        }
    }

    public void close() {
        workers.shutdownNow();
    }

    /** What the matcher compares, taken from one person of a canonical record. */
    public static PersonRecord toPersonRecord(HubRecord record, Person person) {
        PersonRecord.Builder b = PersonRecord.builder(RecordStore.sourceRecordId(record, person))
                .source(record.getProvider())
                .education(EDUCATION_PROVIDER.equals(record.getProvider()))
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
