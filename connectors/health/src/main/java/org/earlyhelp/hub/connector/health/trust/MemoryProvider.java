package org.earlyhelp.hub.connector.health.trust;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Resource;

/**
 * One resource type of the trust's server, over the {@link TrustStore}: create, update, read and vread, and search by
 * {@code _lastUpdated}, {@code _id} and {@code identifier}, oldest change first (the order a poll needs). Bodies are
 * taken raw and parsed here so one class serves every type. A create may be conditional on {@code If-None-Exist:
 * identifier=system|value}; {@code check} refuses what this trust would not file.
 */
final class MemoryProvider implements IResourceProvider {

    private final Class<? extends Resource> type;
    private final TrustStore store;
    private final FhirContext fhir;
    private final Function<Resource, List<Identifier>> identifiers;
    private final java.util.function.Consumer<Resource> check;

    MemoryProvider(
            Class<? extends Resource> type,
            TrustStore store,
            FhirContext fhir,
            Function<Resource, List<Identifier>> identifiers,
            java.util.function.Consumer<Resource> check) {
        this.type = type;
        this.store = store;
        this.fhir = fhir;
        this.identifiers = identifiers;
        this.check = check;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return type;
    }

    @Create
    public MethodOutcome create(@ResourceParam String body, @ConditionalUrlParam String conditional) {
        Resource r = parse(body);
        if (conditional != null && conditional.contains("identifier=")) {
            String token = conditional.substring(conditional.indexOf("identifier=") + "identifier=".length());
            String decoded = java.net.URLDecoder.decode(token, java.nio.charset.StandardCharsets.UTF_8);
            int bar = decoded.indexOf('|');
            TokenParam wanted = bar < 0
                    ? new TokenParam(decoded)
                    : new TokenParam(decoded.substring(0, bar), decoded.substring(bar + 1));
            List<Resource> existing = store.current(type.getSimpleName(), matches(wanted));
            if (!existing.isEmpty()) {
                return new MethodOutcome(existing.get(0).getIdElement(), false).setResource(existing.get(0));
            }
        }
        check.accept(r);
        r.setId((String) null);
        Resource stored = store.write(r);
        return new MethodOutcome(stored.getIdElement(), true).setResource(stored);
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam String body) {
        Resource r = parse(body);
        check.accept(r);
        r.setId(id.getIdPart());
        boolean created = store.read(type.getSimpleName(), id.getIdPart(), null).isEmpty();
        Resource stored = store.write(r);
        return new MethodOutcome(stored.getIdElement(), created).setResource(stored);
    }

    @Read(version = true)
    public IBaseResource read(@IdParam IdType id) {
        return store.read(type.getSimpleName(), id.getIdPart(), id.hasVersionIdPart() ? id.getVersionIdPart() : null)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<IBaseResource> search(
            @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
            @OptionalParam(name = "_id") TokenParam id,
            @OptionalParam(name = "identifier") TokenParam identifier) {
        Predicate<Resource> filter = r -> true;
        if (lastUpdated != null) {
            filter = filter.and(r -> within(lastUpdated, r.getMeta().getLastUpdated()));
        }
        if (id != null) {
            filter = filter.and(r -> id.getValue().equals(r.getIdElement().getIdPart()));
        }
        if (identifier != null) {
            filter = filter.and(matches(identifier));
        }
        return List.copyOf(store.current(type.getSimpleName(), filter));
    }

    private Predicate<Resource> matches(TokenParam token) {
        return r -> identifiers.apply(r).stream()
                .anyMatch(i -> token.getValue().equals(i.getValue())
                        && (token.getSystem() == null || token.getSystem().equals(i.getSystem())));
    }

    private static boolean within(DateRangeParam range, Date at) {
        Date lower = range.getLowerBoundAsInstant();
        Date upper = range.getUpperBoundAsInstant();
        return (lower == null || !at.before(lower)) && (upper == null || !at.after(upper));
    }

    private Resource parse(String body) {
        IBaseResource r;
        try {
            r = fhir.newJsonParser().parseResource(body);
        } catch (RuntimeException e) {
            throw new InvalidRequestException("the body is not FHIR R4 JSON");
        }
        if (!type.isInstance(r)) {
            throw new InvalidRequestException("the body is not a " + type.getSimpleName());
        }
        return (Resource) r;
    }
}
