package org.earlyhelp.hub.connector.api.inbound;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.earlyhelp.hub.governance.vocabulary.GovernanceTerms;
import org.earlyhelp.hub.schema.Withholding;

/**
 * A provider's mark, in the body it sends, that a field (or with no {@code field}, the whole record) is withheld as
 * more detrimental to the child than sharing it: the exception in the Children's Wellbeing and Schools Act 2026 duty to
 * share. The reason is a code of {@code withholding-reason} in the governance vocabulary. The hub honours it on every
 * decision about the record and ledgers it; a field the record's type does not have withholds the whole record.
 */
public record WithheldInput(
        @Size(max = 80)
                @Pattern(
                        regexp = "[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*",
                        message = "a field path such as incident.place, or absent for the whole record")
                String field,
        @NotBlank @Size(max = 64) String reason) {

    @AssertTrue(
            message = "must be a withholding-reason code: risk-of-harm-to-child, prejudice-to-enquiry, child-wishes"
                    + " or risk-to-safe-address")
    public boolean isReasonKnown() {
        return reason == null
                || GovernanceTerms.shipped()
                        .title(GovernanceTerms.Kind.WITHHOLDING_REASON, reason)
                        .isPresent();
    }

    /** The marks as the canonical record carries them (none for null). */
    public static List<Withholding> toAvro(List<WithheldInput> marks) {
        return marks == null
                ? List.of()
                : marks.stream()
                        .map(m -> new Withholding(m.field(), m.reason()))
                        .toList();
    }
}
