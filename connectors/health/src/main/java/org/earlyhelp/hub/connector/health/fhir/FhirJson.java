package org.earlyhelp.hub.connector.health.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * FHIR R4 JSON in and out, strictly. A health system's resource is taken only when it is well-formed JSON, one
 * object naming an R4 resource type, no deeper or larger than the hub will read ({@link #MAX_CHARS}, {@link
 * #MAX_DEPTH}, {@link #MAX_BUNDLE_ENTRIES}), and valid against the R4 structure as HAPI's {@link
 * ca.uhn.fhir.parser.StrictErrorHandler} judges it (no unknown element, no wrong JSON type, no invalid primitive)
 * and as {@link JsonTypes} finds it (nothing HAPI would quietly correct, such as {@code "active": "true"}).
 * Lenient parsing would drop what it does not know and map the rest, so a sender's bug would look like a person
 * with less known about them. Every refusal is a {@link FhirInputException} whose diagnostics are the hub's own
 * words naming the element: HAPI's messages quote the offending value, which may be a name or an NHS number.
 */
public final class FhirJson {

    /** Ten million characters: a Bundle of a thousand full Patients is well under a tenth of it. */
    public static final int MAX_CHARS = 10 * 1024 * 1024;

    /** JSON nesting deeper than this is refused before HAPI sees it; real R4 resources stay under twenty. */
    public static final int MAX_DEPTH = 64;

    /** Bundle entries, counted over every Bundle in the input (a Bundle may nest another). */
    public static final int MAX_BUNDLE_ENTRIES = 1000;

    private static final FhirContext CONTEXT = FhirContext.forR4Cached();

    private static final Set<String> RESOURCE_TYPES = Set.copyOf(CONTEXT.getResourceTypes());

    private FhirJson() {}

    /** The context every FHIR class of the connector shares (HAPI's cached R4 context: costly to build, safe to share). */
    public static FhirContext context() {
        return CONTEXT;
    }

    /**
     * The resource the JSON holds.
     *
     * @throws FhirInputException with at least one problem, for anything but a strictly valid R4 resource
     */
    public static IBaseResource parse(String json) {
        if (json == null) {
            throw new FhirInputException(new FhirProblem("structure", null, "there is no input"));
        }
        if (json.length() > MAX_CHARS) {
            throw new FhirInputException(
                    new FhirProblem("too-costly", null, "the input is larger than " + MAX_CHARS + " characters"));
        }
        String type = JsonShape.check(json);
        if (!RESOURCE_TYPES.contains(type)) {
            throw new FhirInputException(
                    new FhirProblem("not-supported", "resourceType", "names no FHIR R4 resource type"));
        }
        StrictProblems handler = new StrictProblems(type);
        IParser parser = CONTEXT.newJsonParser().setParserErrorHandler(handler);
        IBaseResource resource;
        try {
            resource = parser.parseResource(json);
        } catch (RuntimeException | StackOverflowError e) {
            throw new FhirInputException(handler.problems().isEmpty() ? List.of(unreadable(type)) : handler.problems());
        }
        if (!handler.problems().isEmpty()) {
            throw new FhirInputException(handler.problems());
        }
        if (resource == null) {
            throw new FhirInputException(unreadable(type));
        }
        List<FhirProblem> corrected = JsonTypes.check(json, resource);
        if (!corrected.isEmpty()) {
            throw new FhirInputException(corrected);
        }
        return resource;
    }

    /** The resource as compact FHIR JSON, as HAPI encodes it (the form {@link FhirOutcome#versionKey()} hashes). */
    public static String encode(IBaseResource resource) {
        return CONTEXT.newJsonParser().encodeResourceToString(resource);
    }

    private static FhirProblem unreadable(String type) {
        return new FhirProblem("structure", type, "cannot be read as an R4 " + type);
    }
}
