package org.earlyhelp.hub.simulator.extracts;

/**
 * The chance, per record, of each recording error. Each is drawn independently, except that the date of birth takes
 * at most one of missing, year only, day/month transposed or one-digit typo (in that order of precedence).
 *
 * @param forenameTypo one-character edit (insert, delete, substitute or swap neighbours) in the given name
 * @param surnameTypo one-character edit in the surname
 * @param nickname the familiar form of the given name when there is one (Katherine recorded as Kate)
 * @param namesSwapped given name and surname recorded the wrong way round
 * @param surnameChanged an adult under a former surname or hyphenated; a child with a hyphenated surname
 * @param dobMissing no date of birth
 * @param dobYearOnly only the year of birth (police, when the person gave an age)
 * @param dobTransposed day and month swapped; only where the day is 12 or less and differs from the month
 * @param dobDigitTypo one digit of the date wrong, still a valid date
 * @param movedAddress the family's previous address
 * @param postcodeMissing no postcode
 * @param nhsMissing no NHS number, where the partner records one
 * @param nhsTypo one digit of the NHS number wrong (it then usually fails its check digit)
 * @param placeholderName a child recorded as {@code Baby} or {@code Unborn} before being named
 * @param sexMissing sex not recorded
 */
public record ErrorRates(
        double forenameTypo,
        double surnameTypo,
        double nickname,
        double namesSwapped,
        double surnameChanged,
        double dobMissing,
        double dobYearOnly,
        double dobTransposed,
        double dobDigitTypo,
        double movedAddress,
        double postcodeMissing,
        double nhsMissing,
        double nhsTypo,
        double placeholderName,
        double sexMissing) {}
