package org.earlyhelp.hub.governance.vocabulary;

import java.util.Objects;

/**
 * One legal gateway of the controlled vocabulary: the code agreements name, the legislation.gov.uk address a request
 * gives as its reason, a title for people, and whether it is in force (a gateway awaiting commencement licenses
 * nothing yet), and whether a safeguarding override may cite it to lift a consent requirement.
 */
public record LegalGateway(String code, String uri, String title, boolean inForce, boolean liftsConsent) {

    public LegalGateway {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(title, "title");
    }
}
