package org.earlyhelp.hub.simulator.extracts;

/**
 * Makes DfE Unique Pupil Numbers with a correct check letter. The algorithm is copied from the matcher's {@code Upn}
 * on purpose: the simulator plays the partners from outside the hub and may not depend on {@code matching}.
 */
final class Upns {

    private static final String LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";
    /** Derbyshire's DfE local authority number. */
    static final String DERBYSHIRE = "830";

    private Upns() {}

    /**
     * A permanent UPN: check letter, LA number, the last four digits of the school's URN, the two-digit year it was
     * issued and a three-digit serial within that school and year.
     */
    static String upn(String laNumber, String schoolUrn, int yearIssued, int serial) {
        String school = schoolUrn.substring(schoolUrn.length() - 4);
        String body = laNumber + school + String.format("%02d%03d", yearIssued % 100, serial % 1000);
        return checkLetter(body) + body;
    }

    /** True when the format and the modulus-23 check letter are right. */
    static boolean valid(String upn) {
        if (upn == null || !upn.matches("[" + LETTERS + "][0-9]{11}[0-9" + LETTERS + "]")) {
            return false;
        }
        return checkLetter(upn.substring(1)) == upn.charAt(0);
    }

    /** Characters 2 to 13 weighted 2 to 13 (a letter counts as its place in the alphabet without I, O and S). */
    static char checkLetter(String lastTwelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            char c = lastTwelve.charAt(i);
            sum += (i + 2) * (Character.isDigit(c) ? c - '0' : LETTERS.indexOf(c));
        }
        return LETTERS.charAt(sum % 23);
    }
}
