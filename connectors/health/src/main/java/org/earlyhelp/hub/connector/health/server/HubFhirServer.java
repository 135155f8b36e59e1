package org.earlyhelp.hub.connector.health.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.RelatedPerson;

/**
 * The hub's own FHIR R4 endpoint, a HAPI {@code RestfulServer} at {@code /fhir}: health systems push Patient,
 * Encounter, EpisodeOfCare, RelatedPerson, Flag and Consent resources one at a time or as a Bundle, and partners
 * whose agreements license it ask {@code Patient/$person-info-query} (an operation the application adds through
 * {@link HubFhirOperations}). Authentication is the hub's, in front of the servlet; every error is an
 * OperationOutcome the hub wrote ({@link FhirErrors}). JSON only; the parser is strict.
 */
public final class HubFhirServer extends RestfulServer {

    private static final long serialVersionUID = 1L;

    /** The types a health system may push. */
    public static final List<Class<? extends org.hl7.fhir.instance.model.api.IBaseResource>> PUSHED = List.of(
            Patient.class, Encounter.class, EpisodeOfCare.class, RelatedPerson.class, Flag.class, Consent.class);

    public HubFhirServer(HealthPush push, List<HubFhirOperations> operations) {
        super(strictContext());
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setDefaultPrettyPrint(false);
        setServerName("Early Help hub");
        registerInterceptor(new FhirErrors());
        List<ca.uhn.fhir.rest.server.IResourceProvider> providers = new ArrayList<>();
        for (Class<? extends org.hl7.fhir.instance.model.api.IBaseResource> type : PUSHED) {
            providers.add(new PushProvider(type, push));
        }
        setResourceProviders(providers);
        List<Object> plain = new ArrayList<>();
        plain.add(new BundleProvider(push));
        plain.addAll(operations);
        setPlainProviders(plain);
    }

    private static FhirContext strictContext() {
        FhirContext context = FhirContext.forR4();
        context.setParserErrorHandler(new StrictErrorHandler());
        return context;
    }
}
