package org.earlyhelp.hub.connector.health.poll;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.IQuery;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.earlyhelp.hub.connector.health.fhir.FhirInputException;
import org.earlyhelp.hub.connector.health.fhir.FhirJson;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * Polls one health system's FHIR R4 server for what changed since the last poll: per resource type, {@code
 * _lastUpdated=ge<cursor>} sorted by {@code _lastUpdated}, following {@code next} links, each resource handed to the
 * sink in order and the cursor saved after every page at the last one the sink accepted. HAPI's client reads a page
 * leniently (it would drop what it does not know); each entry is then parsed again strictly from the JSON the server
 * sent, and one that is not strictly R4 is handed to the sink to refuse, so a sender's bug is dead-lettered with its
 * problems rather than mapped with less known about the person, and never stops the feed. {@code ge} reads the
 * boundary again, which the sink absorbs (it is idempotent on id and versionId); a restart mid-page resumes at the
 * page's last accepted resource, so nothing is lost. A sink failure stops that type for this poll at the resource it
 * failed on. One instance polls a source at a time (the cursors' lease).
 */
public final class FhirPoller {

    private final IGenericClient client;
    private final String source;
    private final List<String> resourceTypes;
    private final PollCursors cursors;
    private final PollSink sink;
    private final int pageSize;
    private final RawPages raw = new RawPages();

    public FhirPoller(
            IGenericClient client,
            String source,
            List<String> resourceTypes,
            PollCursors cursors,
            PollSink sink,
            int pageSize) {
        this.client = client;
        this.source = source;
        this.resourceTypes = List.copyOf(resourceTypes);
        this.cursors = cursors;
        this.sink = sink;
        this.pageSize = pageSize;
        client.setEncoding(ca.uhn.fhir.rest.api.EncodingEnum.JSON); // strictness is checked on the JSON sent
        client.registerInterceptor(raw);
    }

    public PollReport pollOnce() {
        Optional<AutoCloseable> lease = cursors.tryLock(source);
        if (lease.isEmpty()) {
            return new PollReport(true, List.of());
        }
        try (AutoCloseable held = lease.get()) {
            ServerReferences references = new ServerReferences(client);
            List<PollReport.TypeReport> reports = new ArrayList<>();
            for (String type : resourceTypes) {
                reports.add(poll(type, references));
            }
            return new PollReport(false, reports);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "the poll lease could not be released: " + e.getClass().getSimpleName());
        }
    }

    private PollReport.TypeReport poll(String type, ServerReferences references) {
        int read = 0;
        int accepted = 0;
        int pages = 0;
        Optional<Instant> cursor = cursors.load(source, type);
        try {
            IQuery<Bundle> query = client.search()
                    .forResource(type)
                    .sort()
                    .ascending("_lastUpdated")
                    .count(pageSize)
                    .returnBundle(Bundle.class);
            if (cursor.isPresent()) {
                query = query.lastUpdated(new ca.uhn.fhir.rest.param.DateRangeParam(
                        new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, Date.from(cursor.get())), null));
            }
            Bundle page = query.execute();
            while (page != null) {
                pages++;
                List<String> sent = raw.entries(page.getEntry().size());
                Instant last = null;
                for (int i = 0; i < page.getEntry().size(); i++) {
                    Resource resource = page.getEntry().get(i).getResource();
                    if (resource == null || !type.equals(resource.fhirType())) {
                        continue; // an included or outcome resource, not one of this search's matches
                    }
                    read++;
                    try {
                        take(resource, sent.get(i), references);
                    } catch (Exception e) {
                        save(type, last);
                        return new PollReport.TypeReport(
                                type, read, accepted, pages, e.getClass().getSimpleName());
                    }
                    accepted++;
                    if (resource.getMeta().getLastUpdated() != null) {
                        last = resource.getMeta().getLastUpdated().toInstant();
                    }
                }
                save(type, last);
                page = page.getLink(Bundle.LINK_NEXT) == null
                        ? null
                        : client.loadPage().next(page).execute();
            }
            return new PollReport.TypeReport(type, read, accepted, pages, null);
        } catch (RuntimeException e) {
            return new PollReport.TypeReport(
                    type, read, accepted, pages, e.getClass().getSimpleName());
        }
    }

    /** Parses what the server sent strictly: what is not strictly R4 is refused, and the poll goes on past it. */
    private void take(Resource leniently, String json, ServerReferences references) throws Exception {
        IBaseResource strictly;
        try {
            strictly = FhirJson.parse(json);
        } catch (FhirInputException e) {
            sink.refuse(leniently, json, e.problems());
            return;
        }
        sink.accept(strictly, references);
    }

    private void save(String type, Instant last) {
        if (last != null) {
            cursors.save(source, type, last);
        }
    }
}
