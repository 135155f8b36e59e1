package org.earlyhelp.hub.simulator.extracts;

import java.util.List;

/**
 * One record as a partner holds it, with the ground truth alongside. Empty strings stand for missing values.
 *
 * @param errors the recording errors applied to this row, e.g. {@code nickname;dob_transposed}; ground truth, never
 *     input to a matcher
 */
public record ExtractRow(
        Partner partner,
        String recordId,
        String truePersonId,
        String trueFamilyId,
        String forename,
        String middleNames,
        String surname,
        String dob,
        String sex,
        String postcode,
        String address,
        String address1,
        String address2,
        String town,
        String uprn,
        String nhsNumber,
        String upn,
        String email,
        String phone,
        List<String> errors) {

    public ExtractRow {
        errors = List.copyOf(errors);
    }

    public boolean hasError(String error) {
        return errors.contains(error);
    }
}
