package org.earlyhelp.hub.connector.health;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import org.earlyhelp.hub.connector.api.batch.DeliveryFailure;
import org.earlyhelp.hub.connector.health.fhir.NhsNumber;
import org.earlyhelp.hub.schema.Disclosure;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * A disclosure as a FHIR R4 Communication a health system can file: about the Patient identified by NHS number (a
 * logical reference, so the receiver matches it to its own record), identified by the hub's delivery id (the same on
 * every retry, so a receiver that searches by identifier files it once), with the released fields as its payload and
 * the agreement and purpose it was released under. A disclosure whose fields hold no valid NHS number cannot be
 * addressed to a patient and is refused for good.
 */
final class HealthCommunications {

    /** The system of the delivery identifier on every Communication the hub sends. */
    static final String DELIVERY_SYSTEM = "urn:earlyhelp:delivery";

    static final String AGREEMENT_SYSTEM = "urn:earlyhelp:agreement";

    private HealthCommunications() {}

    static Communication of(Disclosure d) {
        if (d.getRecall() != null) {
            return recall(d);
        }
        String nhs = nhsNumber(d.getFields());
        if (nhs == null) {
            throw DeliveryFailure.permanent(
                    "no NHS number released to address the patient by (the agreement must allow child.nhs-number)");
        }
        Communication c = new Communication();
        c.addIdentifier(new Identifier().setSystem(DELIVERY_SYSTEM).setValue(d.getDeliveryId()));
        c.setStatus(Communication.CommunicationStatus.COMPLETED);
        c.addCategory(new CodeableConcept(new Coding(
                        "http://terminology.hl7.org/CodeSystem/communication-category", "notification", "Notification"))
                .setText(d.getPurpose()));
        c.setSubject(new Reference()
                .setIdentifier(new Identifier().setSystem(NhsNumber.SYSTEM).setValue(nhs)));
        c.setSent(new Date());
        c.setSender(new Reference().setDisplay("Early Help hub"));
        c.addReasonCode(new CodeableConcept(
                new Coding(AGREEMENT_SYSTEM, d.getAgreementId(), d.getAgreementId() + " v" + d.getAgreementVersion())));
        for (Map.Entry<String, String> f : new TreeMap<>(d.getFields()).entrySet()) {
            c.addPayload().setContent(new org.hl7.fhir.r4.model.StringType(f.getKey() + ": " + f.getValue()));
        }
        if (d.getDeadline() != null) {
            c.addNote().setText("deadline: " + d.getDeadline());
        }
        return c;
    }

    /**
     * A recall: the Communication that delivered {@code recalls} (found by its delivery identifier) was entered in
     * error, because the provider withdrew the record; this one names it and says why, and carries nothing else.
     */
    private static Communication recall(Disclosure d) {
        Communication c = new Communication();
        c.addIdentifier(new Identifier().setSystem(DELIVERY_SYSTEM).setValue(d.getDeliveryId()));
        c.setStatus(Communication.CommunicationStatus.ENTEREDINERROR);
        c.addCategory(new CodeableConcept(new Coding(
                        "http://terminology.hl7.org/CodeSystem/communication-category", "notification", "Notification"))
                .setText(d.getPurpose()));
        c.addInResponseTo(new Reference()
                .setIdentifier(new Identifier()
                        .setSystem(DELIVERY_SYSTEM)
                        .setValue(d.getRecall().getRecalls())));
        c.setSent(new Date());
        c.setSender(new Reference().setDisplay("Early Help hub"));
        c.addReasonCode(new CodeableConcept(
                new Coding(AGREEMENT_SYSTEM, d.getAgreementId(), d.getAgreementId() + " v" + d.getAgreementVersion())));
        c.addNote().setText("recalled: " + d.getRecall().getReason());
        return c;
    }

    static byte[] json(Communication c) {
        return FhirContext.forR4Cached()
                .newJsonParser()
                .encodeResourceToString(c)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String nhsNumber(Map<String, String> fields) {
        for (Map.Entry<String, String> f : new TreeMap<>(fields).entrySet()) {
            if (f.getKey().endsWith(".nhs-number") && NhsNumber.valid(f.getValue())) {
                return f.getValue();
            }
        }
        return null;
    }
}
