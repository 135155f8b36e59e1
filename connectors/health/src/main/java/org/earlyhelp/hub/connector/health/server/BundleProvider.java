package org.earlyhelp.hub.connector.health.server;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import jakarta.servlet.http.HttpServletRequest;
import org.hl7.fhir.r4.model.Bundle;

/** {@code POST [base]} with a transaction or batch Bundle (see {@link HealthPush#bundle}). */
final class BundleProvider {

    private final HealthPush push;

    BundleProvider(HealthPush push) {
        this.push = push;
    }

    @Transaction
    public Bundle transaction(@TransactionParam Bundle bundle, HttpServletRequest request) throws Exception {
        return push.bundle(bundle, request);
    }
}
