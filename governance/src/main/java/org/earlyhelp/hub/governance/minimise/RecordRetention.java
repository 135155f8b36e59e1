package org.earlyhelp.hub.governance.minimise;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.agreement.AgreementStatus;

/**
 * How long the hub may keep a stored record: the longest {@code retention} of the agreements that could release
 * records of its provider and type, or that name its provider as a recipient. The second kind keeps a recipient's own
 * record while the recipient may ask about the people in it: the family view answers a partner only about someone it
 * holds a record of. A record neither kind covers has no reason to be kept.
 */
public final class RecordRetention {

    private final Supplier<List<Agreement>> agreements;

    public RecordRetention(Supplier<List<Agreement>> agreements) {
        this.agreements = agreements;
    }

    /**
     * Whether an agreement could still release records: approved, or suspended (the board may reinstate it), and its
     * validity not yet ended. A draft has released nothing; an expired agreement never will again.
     */
    public static boolean couldRelease(Agreement agreement, LocalDate today) {
        return (agreement.status() == AgreementStatus.APPROVED || agreement.status() == AgreementStatus.SUSPENDED)
                && !today.isAfter(agreement.valid().until());
    }

    /**
     * The longest retention among the agreements that could release such records or let their provider ask about the
     * people in them; empty when there are none.
     */
    public Optional<Period> retentionFor(String provider, String type, LocalDate today) {
        Period longest = null;
        for (Agreement a : agreements.get()) {
            boolean releases =
                    a.provider().equals(provider) && a.appliesTo().type().equals(type);
            // an agreement that only answers "is this person known?" rests on nothing the asker holds
            boolean letsItAsk = a.recipients().contains(provider) && (a.pull() != null || a.notifies());
            if ((releases || letsItAsk) && couldRelease(a, today)) {
                if (longest == null || days(a.retention()) > days(longest)) {
                    longest = a.retention();
                }
            }
        }
        return Optional.ofNullable(longest);
    }

    /** Compares periods by their length from a fixed day (P1Y against P365D is exact from a non-leap start). */
    private static long days(Period p) {
        LocalDate from = LocalDate.of(2001, 1, 1);
        return from.plus(p).toEpochDay() - from.toEpochDay();
    }
}
