package org.earlyhelp.hub.connector.schools.csv;

/**
 * The DfE attendance register codes and what each counts for: present and approved educational activity count as
 * possible and attended sessions; authorised and unauthorised absence as possible only; the codes for a pupil not
 * required, unable or not yet on roll to attend (and a planned closure, {@code #}) count for neither.
 */
public final class AttendanceCodes {

    /** Present (AM, PM, late before registers closed) or at an approved educational activity. */
    static final String ATTENDED = "/\\LBPVW";
    /** Authorised (C, E, I, M, R, S, T) or unauthorised (G, N, O, U) absence. */
    static final String ABSENT = "CEIMRSTGNOU";
    /** Dual registered elsewhere, not of compulsory age, exceptional circumstances, not on roll, school closed. */
    static final String NOT_POSSIBLE = "DXYZ#";

    private AttendanceCodes() {}

    /** Possible and attended sessions of a run of register marks. */
    public record Sessions(int possible, int attended) {
        /** Attended as a percentage of possible, to one decimal place. */
        public double percent() {
            return Math.round(attended * 1000.0 / possible) / 10.0;
        }
    }

    /**
     * Counts the marks (whitespace between them ignored, letters in either case).
     *
     * @return the counts, or null when a mark is not a DfE code
     */
    public static Sessions count(String marks) {
        int possible = 0;
        int attended = 0;
        for (int i = 0; i < marks.length(); i++) {
            char c = Character.toUpperCase(marks.charAt(i));
            if (Character.isWhitespace(c)) {
                continue;
            }
            if (ATTENDED.indexOf(c) >= 0) {
                possible++;
                attended++;
            } else if (ABSENT.indexOf(c) >= 0) {
                possible++;
            } else if (NOT_POSSIBLE.indexOf(c) < 0) {
                return null;
            }
        }
        return new Sessions(possible, attended);
    }
}
