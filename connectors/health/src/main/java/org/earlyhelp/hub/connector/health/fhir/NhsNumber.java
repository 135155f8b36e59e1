package org.earlyhelp.hub.connector.health.fhir;

import java.util.OptionalInt;

/**
 * The NHS number as a FHIR identifier carries it: system {@link #SYSTEM}, value exactly ten ASCII digits whose tenth is
 * the modulus 11 check digit of the first nine (weights 10 down to 2; 11 minus the remainder of the sum by 11, 11
 * becoming 0 and 10 meaning no number can end that way). No spaces or dashes are accepted: the FHIR UK Core profile
 * defines the value as the ten digits, so {@code 943 476 5919} is a wrong value rather than a formatting choice, and
 * taking it would hide a sender bug.
 */
public final class NhsNumber {

    /** The identifier system of the NHS number (NHS England's FHIR naming system). */
    public static final String SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";

    private NhsNumber() {}

    /** Whether the value is ten digits with the right check digit; false for null. */
    public static boolean valid(String value) {
        if (value == null || value.length() != 10) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        OptionalInt check = checkDigit(value.substring(0, 9));
        return check.isPresent() && check.getAsInt() == value.charAt(9) - '0';
    }

    /**
     * The check digit for nine leading digits, or empty when the remainder gives 10 (no valid number starts so).
     *
     * @throws IllegalArgumentException unless exactly nine ASCII digits
     */
    public static OptionalInt checkDigit(String nineDigits) {
        if (nineDigits == null || !nineDigits.matches("[0-9]{9}")) {
            throw new IllegalArgumentException("nine digits expected");
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            return OptionalInt.of(0);
        }
        return check == 10 ? OptionalInt.empty() : OptionalInt.of(check);
    }
}
