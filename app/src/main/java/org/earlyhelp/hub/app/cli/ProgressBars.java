package org.earlyhelp.hub.app.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.earlyhelp.hub.matching.engine.BatchLinker;

/**
 * One progress bar per stage of a long command ({@code link}, {@code index load}, {@code index relink}), on stderr so
 * that what the command writes to stdout stays clean. Off for small inputs and with {@code --quiet}.
 */
final class ProgressBars implements AutoCloseable, BatchLinker.Progress {

    /** Below this many records a command is over before a bar would tell anyone anything. */
    static final int FROM_RECORDS = 20_000;

    private final boolean enabled;
    private ProgressBar bar;
    private String stage;

    ProgressBars(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public synchronized void update(String newStage, long done, long total) {
        if (!enabled) {
            return;
        }
        if (!newStage.equals(stage)) {
            close();
            stage = newStage;
            bar = new ProgressBarBuilder()
                    .setTaskName(newStage)
                    .setInitialMax(total)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .build();
        }
        bar.stepTo(Math.min(done, total));
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
