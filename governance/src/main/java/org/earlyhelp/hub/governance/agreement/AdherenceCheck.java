package org.earlyhelp.hub.governance.agreement;

/** Whether a member organisation ({@code schools:123456}) has adhered to an agreement. */
@FunctionalInterface
public interface AdherenceCheck {

    /** No adherence recorded anywhere: every member of an adhering party is refused. */
    AdherenceCheck NONE = (agreementId, organisation) -> false;

    boolean adhered(String agreementId, String organisation);
}
