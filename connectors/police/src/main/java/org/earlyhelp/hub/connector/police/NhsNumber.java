package org.earlyhelp.hub.connector.police;

/** The NHS number's modulus-11 check digit. */
final class NhsNumber {

    private NhsNumber() {}

    static boolean valid(String digits) {
        if (digits == null || !digits.matches("[0-9]{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }
}
