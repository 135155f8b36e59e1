package org.earlyhelp.hub.connector.api.inbound;

/** The NHS number check: ten digits whose modulus 11 check digit (the tenth) is right; used by every connector. */
public final class NhsNumbers {

    private NhsNumbers() {}

    public static boolean valid(String nhsNumber) {
        if (nhsNumber == null || !nhsNumber.matches("[0-9]{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nhsNumber.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == nhsNumber.charAt(9) - '0';
    }
}
