package org.earlyhelp.hub.governance.ledger;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the ledger writes a checkpoint of its head: after the commit of an append that passed a multiple of
 * {@code every}, and when asked (the every-minute timer) if the head is past the newest checkpoint. A checkpoint that
 * cannot be written never fails the append (its entries are committed); it is logged, and the next one covers it.
 */
final class HeadCheckpointer {

    private static final Logger log = LoggerFactory.getLogger(HeadCheckpointer.class);

    private final LedgerCheckpoints checkpoints;
    private final int every;
    private final Clock clock;

    HeadCheckpointer(LedgerCheckpoints checkpoints, int every, Clock clock) {
        if (every < 1) {
            throw new IllegalArgumentException("checkpoints are written every 1 entry or more");
        }
        this.checkpoints = checkpoints;
        this.every = every;
        this.clock = clock;
    }

    void afterCommit(DisclosureLedger.Head before, DisclosureLedger.Head after) {
        if (after.seq() / every > before.seq() / every) {
            write(after);
        }
    }

    Optional<Checkpoint> ifPast(DisclosureLedger.Head head) {
        try {
            if (head.seq() == 0 || head.seq() <= checkpoints.latestSeq().orElse(0L)) {
                return Optional.empty();
            }
        } catch (IOException e) {
            log.error(
                    "ledger checkpoint folder unreadable: dir={} error={}",
                    checkpoints.dir(),
                    e.getClass().getName());
            return Optional.empty();
        }
        return write(head);
    }

    private Optional<Checkpoint> write(DisclosureLedger.Head head) {
        Checkpoint cp = Checkpoint.of(head.seq(), head.hash(), head.keyedFrom(), clock.instant());
        try {
            return checkpoints.write(cp) ? Optional.of(cp) : Optional.empty();
        } catch (IOException e) {
            log.error(
                    "could not write a ledger checkpoint: seq={} dir={} error={}",
                    head.seq(),
                    checkpoints.dir(),
                    e.getClass().getName());
            return Optional.empty();
        }
    }
}
