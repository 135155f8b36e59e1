package org.earlyhelp.hub.app.query;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.earlyhelp.hub.connector.health.fhir.FhirJson;
import org.earlyhelp.hub.connector.health.fhir.FhirMapper;
import org.earlyhelp.hub.connector.health.fhir.FhirOutcome;
import org.earlyhelp.hub.connector.health.fhir.FhirProblem;
import org.earlyhelp.hub.connector.health.fhir.FhirReferences;
import org.earlyhelp.hub.connector.health.server.FhirFailure;
import org.earlyhelp.hub.connector.health.server.HubFhirOperations;
import org.earlyhelp.hub.connector.health.server.Outcomes;
import org.earlyhelp.hub.governance.access.Caller;
import org.earlyhelp.hub.governance.access.Professional;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.decision.Decision;
import org.earlyhelp.hub.governance.decision.Outcome;
import org.earlyhelp.hub.governance.decision.PolicyDecisionPoint;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.LedgerDraft;
import org.earlyhelp.hub.governance.ledger.LedgerEntry;
import org.earlyhelp.hub.governance.ledger.SubjectKey;
import org.earlyhelp.hub.governance.vocabulary.LegalGateway;
import org.earlyhelp.hub.governance.vocabulary.LegalGateways;
import org.earlyhelp.hub.matching.index.IndexedRecord;
import org.earlyhelp.hub.matching.index.PersonIndex;
import org.earlyhelp.hub.routes.resolve.RecordResolver;
import org.earlyhelp.hub.routes.resolve.RecordStore;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PrimitiveType;

/**
 * {@code POST [base]/Patient/$person-info-query}, the DfE draft data exchange standard's "is this child known to
 * you?": a Parameters resource with the Patient asked about ({@code resource}), the legal gateway relied on ({@code
 * reason}, a legislation.gov.uk address from the controlled vocabulary; anything else is a 400) and the agreement the
 * request is made under ({@code policy}, {@code urn:earlyhelp:agreement:<id>}). The decision point decides under that
 * agreement before anyone looks the person up, so a DENY or a REVIEW says nothing about them; on a PERMIT the Patient
 * is matched against the person index as resolve would link it, and the answer is {@code match} and, when true,
 * {@code contact} (whom to ask), never the records. Every request that reaches a decision is one ledger entry, written
 * before the answer leaves: the decision, the requester and professional, the reason, and what was answered.
 */
public final class PersonInfoQuery implements HubFhirOperations {

    /** The system of the organisation identifiers in a {@code contact}: the hub's kind:id. */
    public static final String ORGANISATION_SYSTEM = "urn:earlyhelp:organisation";

    static final String POLICY_PREFIX = "urn:earlyhelp:agreement:";

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final Set<String> PARAMETERS = Set.of("resource", "reason", "policy");

    private final PolicyDecisionPoint pdp;
    private final PersonIndex index;
    private final RecordStore store;
    private final RecordCodec codec;
    private final DisclosureLedger ledger;
    private final SubjectKey subjectKey;
    private final FhirMapper mapper;
    private final LegalGateways gateways;
    private final Clock clock;

    public PersonInfoQuery(
            PolicyDecisionPoint pdp,
            PersonIndex index,
            RecordStore store,
            RecordCodec codec,
            DisclosureLedger ledger,
            SubjectKey subjectKey,
            FhirMapper mapper,
            Clock clock) {
        this.pdp = pdp;
        this.index = index;
        this.store = store;
        this.codec = codec;
        this.ledger = ledger;
        this.subjectKey = subjectKey;
        this.mapper = mapper;
        this.gateways = LegalGateways.shipped();
        this.clock = clock;
    }

    @Operation(name = "$person-info-query", type = Patient.class, idempotent = false, manualRequest = true)
    public Parameters query(RequestDetails details, HttpServletRequest request) {
        Caller caller = (Caller) request.getAttribute(Caller.REQUEST_ATTRIBUTE);
        if (caller == null) {
            throw new FhirFailure(401, "login", null, "a credential is required");
        }
        Professional professional = caller.professionalIfNamed()
                .orElseThrow(() -> new FhirFailure(
                        400,
                        "required",
                        null,
                        "name the professional asking (X-Hub-Professional and X-Hub-Professional-Role)"));
        Request asked = parse(details.loadRequestContents());
        LocalDate today = LocalDate.now(clock.withZone(UK));
        Decision decision = pdp.decideQuery(asked.agreementId(), caller.partner(), asked.reason(), today);
        String queryId = UUID.randomUUID().toString();
        Agreement agreement = decision.agreement().orElse(null);
        Person probe = asked.person();
        String subject = subjectKey.of(probe.getGivenName(), probe.getFamilyName(), probe.getDateOfBirth());
        Set<String> holders = new TreeSet<>();
        if (decision.permitted()) {
            Optional<UUID> person = index.find(asked.probe());
            person.ifPresent(id -> holders.addAll(holders(id, agreement.provider())));
        }
        boolean match = !holders.isEmpty();
        Map<String, String> d = new TreeMap<>();
        d.put("request", "person-info-query");
        d.put("queryId", queryId);
        d.put("requester", caller.organisation().toString());
        d.put("professional", professional.userId());
        d.put("professionalRole", professional.role());
        d.put("reason", asked.reason().code());
        d.put("reasonUri", asked.reason().uri());
        d.put("policy", asked.agreementId());
        d.put(
                "answer",
                decision.permitted()
                        ? (match ? "match" : "no-match")
                        : decision.outcome().name());
        if (match) {
            d.put("holders", String.join(",", holders));
        }
        List<LedgerEntry> written = ledger.append(List.of(new LedgerDraft(
                        "person-info-query:" + queryId,
                        decision.outcome(),
                        "person-info-query:" + queryId,
                        subject,
                        agreement == null ? "-" : agreement.provider(),
                        caller.organisation().toString(),
                        agreement == null ? null : agreement.id(),
                        agreement == null ? null : agreement.version(),
                        agreement == null ? "-" : agreement.purpose(),
                        agreement == null ? null : agreement.lawfulBasis().summary(),
                        match ? List.of("match", "contact") : decision.permitted() ? List.of("match") : List.of(),
                        decision.reasons())
                .withDetails(d)));
        long seq = written.get(0).seq();
        if (decision.outcome() == Outcome.DENY) {
            throw new FhirFailure(403, "forbidden", null, String.join("; ", decision.reasons()));
        }
        if (decision.outcome() == Outcome.REVIEW) {
            throw new FhirFailure(
                    202,
                    Outcomes.of(
                            IssueSeverity.INFORMATION,
                            "informational",
                            null,
                            "held for the disclosure review (ledger entry " + seq + "): no answer until it is"
                                    + " released"));
        }
        Parameters answer = new Parameters();
        answer.addParameter().setName("match").setValue(new BooleanType(match));
        if (match) {
            answer.addParameter()
                    .setName("contact")
                    .setResource(contact(agreement.query().contact(), holders));
        }
        return answer;
    }

    /** The organisations of {@code provider}'s kind that hold a record of the person. */
    private Set<String> holders(UUID personId, String provider) {
        Set<String> out = new TreeSet<>();
        for (IndexedRecord r : index.recordsOf(personId)) {
            String key = r.recordKey();
            if (!key.startsWith(provider + "/")) {
                continue;
            }
            String sourceRecordId = key.substring(provider.length() + 1);
            int hash = sourceRecordId.indexOf('#');
            String recordId = hash < 0 ? sourceRecordId : sourceRecordId.substring(0, hash);
            // a record loaded into the index in bulk has no stored body: the provider kind is all that is known
            out.add(store.body(recordId)
                    .map(codec::decodeRecord)
                    .map(HubRecord::getProviderOrganisation)
                    .orElse(provider));
        }
        return out;
    }

    private static Organization contact(Agreement.Contact contact, Set<String> holders) {
        Organization o = new Organization();
        o.setName(contact.name());
        for (String holder : holders) {
            o.addIdentifier(new Identifier().setSystem(ORGANISATION_SYSTEM).setValue(holder));
        }
        if (contact.phone() != null) {
            o.addTelecom()
                    .setSystem(ContactPoint.ContactPointSystem.PHONE)
                    .setValue(contact.phone())
                    .setUse(ContactPoint.ContactPointUse.WORK);
        }
        if (contact.email() != null) {
            o.addTelecom()
                    .setSystem(ContactPoint.ContactPointSystem.EMAIL)
                    .setValue(contact.email())
                    .setUse(ContactPoint.ContactPointUse.WORK);
        }
        return o;
    }

    /** The request as asked: the person (and its probe for the index), the reason and the agreement cited. */
    record Request(
            Person person,
            org.earlyhelp.hub.matching.model.PersonRecord probe,
            LegalGateway reason,
            String agreementId) {}

    private Request parse(byte[] body) {
        IBaseResource parsed = FhirJson.parse(body == null ? "" : new String(body, StandardCharsets.UTF_8));
        if (!(parsed instanceof Parameters parameters)) {
            throw new FhirFailure(400, "invalid", "resourceType", "the body must be a Parameters resource");
        }
        List<FhirProblem> problems = new ArrayList<>();
        Patient patient = null;
        LegalGateway reason = null;
        String agreementId = null;
        int resources = 0;
        int reasons = 0;
        int policies = 0;
        for (int i = 0; i < parameters.getParameter().size(); i++) {
            Parameters.ParametersParameterComponent p =
                    parameters.getParameter().get(i);
            String at = "Parameters.parameter[" + i + "]";
            String name = p.getName();
            if (name == null || !PARAMETERS.contains(name)) {
                problems.add(new FhirProblem(
                        "not-supported", at + ".name", "parameters are resource, reason and policy only"));
                continue;
            }
            switch (name) {
                case "resource" -> {
                    resources++;
                    if (p.getResource() instanceof Patient pt) {
                        patient = pt;
                    } else {
                        problems.add(new FhirProblem("invalid", at + ".resource", "resource must be a Patient"));
                    }
                }
                case "reason" -> {
                    reasons++;
                    String uri = primitive(p);
                    reason = gateways.byUri(uri).orElse(null);
                    if (reason == null) {
                        problems.add(new FhirProblem(
                                "value",
                                at + ".valueUri",
                                "reason must be the legislation.gov.uk address of a legal gateway in the hub's"
                                        + " vocabulary, e.g. https://www.legislation.gov.uk/ukpga/1989/41/section/47"));
                    }
                }
                default -> {
                    policies++;
                    String value = primitive(p);
                    agreementId = value != null && value.startsWith(POLICY_PREFIX)
                            ? value.substring(POLICY_PREFIX.length())
                            : value;
                    if (agreementId == null || !agreementId.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
                        problems.add(new FhirProblem(
                                "value", at + ".valueUri", "policy must be urn:earlyhelp:agreement:<agreement id>"));
                    }
                }
            }
        }
        if (resources != 1) {
            problems.add(new FhirProblem(
                    "required", "Parameters.parameter", "exactly one resource parameter (the Patient)"));
        }
        if (reasons != 1) {
            problems.add(new FhirProblem("required", "Parameters.parameter", "exactly one reason parameter"));
        }
        if (policies != 1) {
            problems.add(new FhirProblem(
                    "required", "Parameters.parameter", "exactly one policy parameter (the agreement relied on)"));
        }
        if (!problems.isEmpty()) {
            throw new FhirFailure(400, problems);
        }
        if (!patient.hasIdElement() || !patient.getIdElement().hasIdPart()) {
            patient.setId("asked"); // the person asked about has no id at the requester's end that matters here
        }
        FhirOutcome mapped = mapper.map(patient, FhirReferences.none());
        if (!(mapped instanceof FhirOutcome.Records records)) {
            List<FhirProblem> why = mapped instanceof FhirOutcome.Rejected r
                    ? r.problems().stream()
                            .map(x -> new FhirProblem(
                                    x.code(),
                                    "Parameters.parameter[resource].resource"
                                            + (x.expression() == null ? "" : "." + x.expression()),
                                    x.diagnostics()))
                            .toList()
                    : List.of(new FhirProblem("invalid", "Parameters.parameter[resource]", "not a usable Patient"));
            throw new FhirFailure(400, why);
        }
        HubRecord record = records.records().get(0);
        Person person = record.getPeople().get(0);
        return new Request(person, RecordResolver.toPersonRecord(record, person, false), reason, agreementId);
    }

    private static String primitive(Parameters.ParametersParameterComponent p) {
        return p.getValue() instanceof PrimitiveType<?> v ? v.getValueAsString() : null;
    }
}
