package org.earlyhelp.hub.governance.flow;

import java.util.Objects;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;

/**
 * How a partner's connector addresses a permitted disclosure about one subject: Operation Encompass goes to the school
 * of each child, a housing notification to the provider of the tenancy, a case-system one to the team. A subject the
 * connector cannot address (no school known) turns the permit into a REVIEW with the connector's reason, so nothing
 * is sent to a guess.
 */
@FunctionalInterface
public interface RecipientAddressing {

    Addressed address(HubRecord record, Person subject);

    /** The partner as a whole, for connectors whose partner has one inbox. */
    static RecipientAddressing wholePartner(String partner) {
        Recipient r = Recipient.partner(partner);
        return (record, subject) -> Addressed.to(r);
    }

    /** Either a recipient, or the reason (free of personal data) why this subject cannot be addressed. */
    record Addressed(Recipient recipient, String unaddressable) {

        public Addressed {
            if ((recipient == null) == (unaddressable == null)) {
                throw new IllegalArgumentException("either a recipient or a reason");
            }
        }

        public static Addressed to(Recipient recipient) {
            return new Addressed(Objects.requireNonNull(recipient, "recipient"), null);
        }

        public static Addressed review(String reason) {
            return new Addressed(null, Objects.requireNonNull(reason, "reason"));
        }
    }
}
