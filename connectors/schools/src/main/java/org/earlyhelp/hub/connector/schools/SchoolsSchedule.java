package org.earlyhelp.hub.connector.schools;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the connector's periodic work (reading the watched folder, escalating unacknowledged notifications) on one
 * daemon thread of its own, so it needs nothing of the application's scheduling. Each task is safe to run on every
 * instance at once: the claims are in PostgreSQL. A failing run is logged by kind and tried again next time.
 */
final class SchoolsSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SchoolsSchedule.class);

    /** One named task and how often it runs. */
    record Task(String name, Duration every, Runnable run) {}

    private final java.util.List<Task> tasks;
    private ScheduledExecutorService executor;

    SchoolsSchedule(java.util.List<Task> tasks) {
        this.tasks = java.util.List.copyOf(tasks);
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "schools-schedule");
            t.setDaemon(true);
            return t;
        });
        for (Task task : tasks) {
            executor.scheduleWithFixedDelay(
                    () -> runSafely(task), task.every().toMillis(), task.every().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static void runSafely(Task task) {
        try {
            task.run().run();
        } catch (RuntimeException e) {
            log.warn(
                    "schools task failed: task={} cause={}",
                    task.name(),
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
