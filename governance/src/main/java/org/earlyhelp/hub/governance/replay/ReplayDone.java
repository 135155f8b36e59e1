package org.earlyhelp.hub.governance.replay;

/** A dead letter already replayed (by anyone, on any instance): it is replayed once. */
public final class ReplayDone extends RuntimeException {

    private final DeadLetterReplays.Replay replay;

    ReplayDone(DeadLetterReplays.Replay replay) {
        super("this dead letter was replayed by " + replay.by() + " at " + replay.at() + " (" + replay.outcome() + ")");
        this.replay = replay;
    }

    public DeadLetterReplays.Replay replay() {
        return replay;
    }
}
