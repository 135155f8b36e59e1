package org.earlyhelp.hub.connector.health.fhir;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;

/**
 * A Consent as the hub's consent register records it. Given only when active with a permit provision; an active deny,
 * or a rejected or inactive Consent, is a withdrawal (given false). A draft, proposed or entered-in-error Consent is
 * no decision and is rejected. It must name the hub agreements it covers ({@code urn:earlyhelp:agreement:<id>} in
 * {@code policy.uri}: a Consent to "sharing" in general is consent to nothing the hub can act on), who gave it (the
 * patient: a young person, or Gillick competent under 16; or a related person with parental responsibility), the
 * professional who recorded it, and when a given consent expires: consent without an end is never reviewed.
 */
final class ConsentMapping {

    static final Pattern AGREEMENT = Pattern.compile("urn:earlyhelp:agreement:([A-Za-z0-9][A-Za-z0-9._-]{0,127})");

    static final String DEFAULT_ROLE = "health-professional";

    private ConsentMapping() {}

    static ConsentStatement statement(Consent c, FhirReferences references, LocalDate today) {
        String id = FhirMapper.reference(c, "Consent.id");
        List<String> agreements = agreements(c);
        boolean given = given(c);
        FhirMapper.Subject subject = FhirMapper.subject(c.getPatient(), "Consent.patient", references, today);
        String basis = basis(c, subject, today);
        Reference professional = c.getPerformer().stream()
                .filter(ConsentMapping::professional)
                .filter(r -> professionalName(r) != null)
                .findFirst()
                .orElseThrow(() -> new MappingFailure(
                        "required", "Consent.performer", "names no Practitioner or PractitionerRole who recorded it"));
        LocalDate expires = c.getProvision().hasPeriod()
                ? FhirValues.lastDay(c.getProvision().getPeriod().getEndElement())
                : null;
        if (given && expires == null) {
            throw new MappingFailure(
                    "required", "Consent.provision.period.end", "is required when consent is given: until when");
        }
        String version = FhirValues.text(c.getMeta().getVersionId());
        if (version == null) {
            version = FhirValues.text(c.getIdElement().getVersionIdPart());
        }
        return new ConsentStatement(
                subject.reference(),
                subject.person(),
                given,
                agreements,
                basis,
                version == null ? id : id + "/_history/" + version,
                expires,
                professionalName(professional),
                role(professional));
    }

    private static boolean given(Consent c) {
        ConsentState status = c.getStatus();
        if (status == null) {
            throw new MappingFailure("required", "Consent.status", "is required");
        }
        return switch (status) {
            case ACTIVE -> {
                ConsentProvisionType type = c.getProvision().getType();
                if (type == null) {
                    throw new MappingFailure(
                            "required", "Consent.provision.type", "is required: permit (given) or deny (withdrawn)");
                }
                yield type == ConsentProvisionType.PERMIT;
            }
            case REJECTED, INACTIVE -> false;
            default ->
                throw new MappingFailure(
                        "business-rule",
                        "Consent.status",
                        "is no decision: only active, rejected or inactive are recorded");
        };
    }

    private static List<String> agreements(Consent c) {
        List<String> out = new ArrayList<>();
        for (Consent.ConsentPolicyComponent policy : c.getPolicy()) {
            Matcher m = AGREEMENT.matcher(
                    policy.getUri() == null ? "" : policy.getUri().strip());
            if (m.matches() && !out.contains(m.group(1))) {
                out.add(m.group(1));
            }
        }
        if (out.isEmpty()) {
            throw new MappingFailure("business-rule", "Consent.policy", "names no hub agreement in Consent.policy.uri");
        }
        return out;
    }

    private static String basis(Consent c, FhirMapper.Subject subject, LocalDate today) {
        for (Reference r : c.getPerformer()) {
            if (is(r, "Patient") || subject.reference().equals(r.getReference())) {
                LocalDate dob = subject.person().getDateOfBirth();
                return dob != null && Period.between(dob, today).getYears() < 16 ? "gillick-competent" : "young-person";
            }
        }
        for (Reference r : c.getPerformer()) {
            if (is(r, "RelatedPerson") || r.getResource() instanceof RelatedPerson) {
                return "parental-responsibility";
            }
        }
        throw new MappingFailure(
                "required", "Consent.performer", "names neither the Patient nor a RelatedPerson as giving it");
    }

    private static boolean professional(Reference r) {
        return is(r, "Practitioner")
                || is(r, "PractitionerRole")
                || r.getResource() instanceof Practitioner
                || r.getResource() instanceof PractitionerRole;
    }

    /** The professional's identifier (e.g. a GMC or NMC number), else the display, from the reference or a contained resource. */
    private static String professionalName(Reference r) {
        if (r.hasIdentifier() && FhirValues.text(r.getIdentifier().getValue()) != null) {
            return FhirValues.text(r.getIdentifier().getValue());
        }
        if (r.getResource() instanceof Practitioner p) {
            String id = p.getIdentifier().stream()
                    .map(i -> FhirValues.text(i.getValue()))
                    .filter(v -> v != null)
                    .findFirst()
                    .orElse(null);
            if (id != null) {
                return id;
            }
        }
        if (r.getResource() instanceof PractitionerRole pr) {
            String id = pr.getIdentifier().stream()
                    .map(i -> FhirValues.text(i.getValue()))
                    .filter(v -> v != null)
                    .findFirst()
                    .orElse(null);
            if (id != null) {
                return id;
            }
            if (FhirValues.whom(pr.getPractitioner()) != null) {
                return FhirValues.whom(pr.getPractitioner());
            }
        }
        return FhirValues.text(r.getDisplay());
    }

    private static String role(Reference r) {
        if (r.getResource() instanceof PractitionerRole pr) {
            String code = pr.getCode().stream()
                    .map(cc -> FhirValues.code(cc) != null ? FhirValues.code(cc) : FhirValues.writtenText(cc))
                    .filter(v -> v != null)
                    .findFirst()
                    .orElse(null);
            if (code != null) {
                return code;
            }
        }
        return DEFAULT_ROLE;
    }

    private static boolean is(Reference r, String type) {
        if (type.equals(r.getType())) {
            return true;
        }
        String ref = r.getReference();
        return ref != null && (ref.startsWith(type + "/") || ref.contains("/" + type + "/"));
    }
}
