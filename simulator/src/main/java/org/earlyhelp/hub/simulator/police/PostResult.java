package org.earlyhelp.hub.simulator.police;

/**
 * What the hub answered to one posted incident.
 *
 * @param status the HTTP status code
 * @param body the response body (the hub's answer, never the incident)
 */
public record PostResult(int status, String body) {

    /** True when the hub accepted the incident (HTTP 202). */
    public boolean accepted() {
        return status == 202;
    }
}
