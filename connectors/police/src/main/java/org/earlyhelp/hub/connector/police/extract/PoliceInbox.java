package org.earlyhelp.hub.connector.police.extract;

import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.connector.police.PoliceIntake;
import org.earlyhelp.hub.governance.access.Organisation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Watches {@code hub.connectors.police.inbox} for nightly extracts ({@code *.csv}). A file is claimed by an atomic
 * rename into {@code processing/}, so of two hub instances sharing the folder exactly one takes it; it ends in
 * {@code done/} with a {@code .result.json} (counts, refused rows' numbers and reasons) or, when it cannot be read at
 * all, in {@code failed/} with a {@code .reason.txt}. A file whose instance died mid-way is moved back after {@code
 * inbox-stale-after} and read again, which stores nothing twice (every row's key is its reference).
 */
@Component
public class PoliceInbox implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PoliceInbox.class);
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final PoliceConnectorProperties settings;
    private final PoliceExtractReader reader;
    private final PoliceExtractIntake extracts;
    private final PoliceIntake intake;
    private final Clock clock;
    private final Path inbox;
    private final Organisation force;
    private ScheduledExecutorService scheduler;

    /** In the embedded run, with no folder set, {@code <data-dir>/inbox/police} for the development force. */
    static final String EMBEDDED_FORCE = "police:derbyshire";

    @Autowired
    public PoliceInbox(
            PoliceConnectorProperties settings,
            Validator validator,
            Clock clock,
            PoliceExtractIntake extracts,
            PoliceIntake intake,
            Environment env) {
        this(settings, validator, clock, extracts, intake, inbox(settings, env), force(settings, env));
    }

    /** A watcher of {@code inbox} for {@code force} (as a second instance's would be). */
    public PoliceInbox(
            PoliceConnectorProperties settings,
            Validator validator,
            Clock clock,
            PoliceExtractIntake extracts,
            PoliceIntake intake,
            Path inbox,
            Organisation force) {
        this.settings = settings;
        this.inbox = inbox;
        this.force = force;
        this.reader = new PoliceExtractReader(validator, clock);
        this.extracts = extracts;
        this.intake = intake;
        this.clock = clock;
    }

    static Path inbox(PoliceConnectorProperties settings, Environment env) {
        if (settings.inbox() != null) {
            return settings.inbox();
        }
        if (env.getProperty("hub.embedded.enabled", Boolean.class, false)) {
            return Path.of(env.getProperty("hub.embedded.data-dir", "data"), "inbox", "police");
        }
        return null;
    }

    static Organisation force(PoliceConnectorProperties settings, Environment env) {
        return settings.inbox() != null ? settings.force() : Organisation.parse(EMBEDDED_FORCE);
    }

    /** The folder watched, if any. */
    public Path folder() {
        return inbox;
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() throws IOException {
        if (scheduler != null) {
            return;
        }
        if (inbox == null) {
            log.info("police inbox off: set hub.connectors.police.inbox to read nightly extracts from a folder");
            return;
        }
        for (String sub : List.of("processing", "done", "failed")) {
            Files.createDirectories(inbox.resolve(sub));
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "police-inbox");
            t.setDaemon(true);
            return t;
        });
        long every = settings.inboxPollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::pollQuietly, 0, every, TimeUnit.MILLISECONDS);
        log.info("police inbox watched: pollMillis={}", every);
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (Exception e) {
            log.warn("police inbox poll failed: cause={}", e.getClass().getSimpleName());
        }
    }

    /** One look at the folder: stale claims back, then every file this instance manages to claim, in name order. */
    public void poll() throws IOException {
        Path processing = inbox.resolve("processing");
        for (Path stale : csvFiles(processing)) {
            FileTime touched = Files.getLastModifiedTime(stale);
            if (touched.toInstant().plus(settings.inboxStaleAfter()).isBefore(clock.instant())) {
                move(stale, inbox.resolve(stale.getFileName()));
            }
        }
        for (Path file : csvFiles(inbox)) {
            Path claimed = processing.resolve(file.getFileName());
            if (move(file, claimed)) {
                Files.setLastModifiedTime(claimed, FileTime.from(clock.instant()));
                read(claimed);
            }
        }
    }

    private void read(Path claimed) throws IOException {
        String name = claimed.getFileName().toString();
        PoliceExtract extract;
        try {
            if (Files.size(claimed) > PoliceExtractReader.MAX_BYTES) {
                throw new RequestRejected(
                        "$", "the extract is larger than " + PoliceExtractReader.MAX_BYTES + " bytes: split it");
            }
            extract = reader.read(Files.readAllBytes(claimed));
        } catch (RequestRejected e) {
            intake.rejected();
            String reasons = e.errors().stream().map(f -> f.reason()).collect(Collectors.joining("\n"));
            Files.writeString(inbox.resolve("failed").resolve(name + ".reason.txt"), reasons + "\n");
            move(claimed, inbox.resolve("failed").resolve(name));
            log.warn("police extract refused whole: problems={}", e.errors().size());
            return;
        }
        try {
            PoliceExtractIntake.Summary summary = extracts.process(force, extract);
            Files.writeString(inbox.resolve("done").resolve(name + ".result.json"), json(summary));
            move(claimed, inbox.resolve("done").resolve(name));
        } catch (RequestRejected e) {
            // not all stored (Kafka or the database away): back in the inbox for the next poll, which repeats nothing
            move(claimed, inbox.resolve(name));
        }
    }

    private static List<Path> csvFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                String n = p.getFileName().toString();
                if (Files.isRegularFile(p)
                        && !n.startsWith(".")
                        && n.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    files.add(p);
                }
            }
        }
        files.sort(null);
        return files;
    }

    /** An atomic rename; false when another instance moved the file first. */
    private static boolean move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the inbox must be one file system: processing/, done/ and failed/ inside it", e);
        }
    }

    private static String json(PoliceExtractIntake.Summary s) throws IOException {
        return JSON.writeValueAsString(s.body()) + "\n";
    }

    @Override
    public synchronized void destroy() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
