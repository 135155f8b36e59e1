package org.earlyhelp.hub.connector.health.server;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import jakarta.servlet.http.HttpServletRequest;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * {@code POST [base]/<Type>} for one of the types health pushes. The body is taken raw and read by the hub's strict
 * parser, so a problem is answered in the hub's words (paths, never values) rather than the framework's.
 */
final class PushProvider implements IResourceProvider {

    private final Class<? extends IBaseResource> type;
    private final HealthPush push;

    PushProvider(Class<? extends IBaseResource> type, HealthPush push) {
        this.type = type;
        this.push = push;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return type;
    }

    @Create
    public MethodOutcome create(@ResourceParam String body, HttpServletRequest request) throws Exception {
        HealthPush.sender(request);
        return push.create(type, body, request);
    }
}
