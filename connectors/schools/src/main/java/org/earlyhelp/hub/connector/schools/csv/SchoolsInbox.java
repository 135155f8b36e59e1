package org.earlyhelp.hub.connector.schools.csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.earlyhelp.hub.connector.api.PartnerMetrics;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.connector.api.Topics;
import org.earlyhelp.hub.connector.api.batch.KafkaBatch;
import org.earlyhelp.hub.connector.api.intake.IdempotentIntake;
import org.earlyhelp.hub.connector.api.intake.RecordIntake;
import org.earlyhelp.hub.connector.schools.SchoolsConnector;
import org.earlyhelp.hub.governance.access.Organisation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watched folder: {@code <inbox>/<URN>/*.csv} from each school (its own URN only) and {@code
 * <inbox>/education-service/*.csv} from the council's education service (roll records, any URN). The folder is the
 * credential: each school's subfolder is writable only by that school's transfer account (documented). Each file is
 * claimed in PostgreSQL ({@link InboxClaims}) so with two instances it is processed once; each good row goes through
 * the hub's intake keyed by file hash and row number; each bad row (or an unreadable file) goes to {@code
 * hub.dlq.<provider>} with a reason free of personal data; the file then moves to {@code processed/}.
 */
public class SchoolsInbox {

    private static final Logger log = LoggerFactory.getLogger(SchoolsInbox.class);
    private static final Pattern URN = Pattern.compile("[0-9]{6}");
    static final String EDUCATION_SERVICE_FOLDER = "education-service";
    static final String PROCESSED = "processed";

    private final Path inbox;
    private final InboxClaims claims;
    private final RecordIntake intake;
    private final Producer<String, byte[]> producer;
    private final Topics topics;
    private final Map<String, PartnerMetrics> metrics;
    private final Clock clock;
    private final String instance;

    public SchoolsInbox(
            Path inbox,
            InboxClaims claims,
            RecordIntake intake,
            Producer<String, byte[]> producer,
            Topics topics,
            Map<String, PartnerMetrics> metrics,
            Clock clock,
            String instance) {
        this.inbox = inbox;
        this.claims = claims;
        this.intake = intake;
        this.producer = producer;
        this.topics = topics;
        this.metrics = metrics;
        this.clock = clock;
        this.instance = instance;
    }

    /** One look at the folder; returns how many files this instance processed. */
    public int poll() {
        if (!Files.isDirectory(inbox)) {
            return 0;
        }
        int processed = 0;
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(inbox)) {
            for (Path folder : folders) {
                Organisation sender = sender(folder);
                if (sender != null) {
                    processed += pollFolder(folder, sender);
                }
            }
        } catch (IOException e) {
            log.warn("schools inbox not readable: cause={}", e.getClass().getSimpleName());
        }
        return processed;
    }

    static Organisation sender(Path folder) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        String name = folder.getFileName().toString();
        if (URN.matcher(name).matches()) {
            return new Organisation("schools", name);
        }
        if (name.equals(EDUCATION_SERVICE_FOLDER)) {
            return Organisation.parse(SchoolsConnector.EDUCATION_SERVICE);
        }
        return null;
    }

    private int pollFolder(Path folder, Organisation sender) throws IOException {
        int processed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.{csv,CSV}")) {
            for (Path file : files) {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && process(folder, file, sender)) {
                    processed++;
                }
            }
        }
        return processed;
    }

    /** Processes one file if this instance claims it; false when another holds or finished it. */
    boolean process(Path folder, Path file, Organisation sender) throws IOException {
        if (Files.size(file) > AttendanceCsvReader.MAX_BYTES) {
            byte[] none = new byte[0];
            String hash = "oversize-" + Files.size(file) + "-"
                    + Files.getLastModifiedTime(file).toMillis();
            String name = folder.getFileName() + "/" + file.getFileName();
            if (claims.claim(name, hash, instance, clock.instant())) {
                deadLetter(
                        sender,
                        hash + ":0",
                        none,
                        "the file is larger than " + AttendanceCsvReader.MAX_BYTES + " bytes");
                claims.finish(name, hash, 0, 1, clock.instant());
                moveAside(folder, file);
            }
            return false;
        }
        byte[] bytes = Files.readAllBytes(file);
        String hash = HexFormat.of().formatHex(IdempotentIntake.fingerprint(bytes));
        String name = folder.getFileName() + "/" + file.getFileName();
        if (claims.finished(name, hash)) {
            moveAside(folder, file); // another instance finished it and its move has not happened (or failed)
            return false;
        }
        if (!claims.claim(name, hash, instance, clock.instant())) {
            return false;
        }
        AttendanceCsvReader.Result result = new AttendanceCsvReader(
                        LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/London"))))
                .read(bytes);
        AttendanceFileRows rows = new AttendanceFileRows(sender);
        int read = 0;
        int failed = 0;
        for (AttendanceCsvReader.Problem p : result.problems()) {
            byte[] content = p.row() == 0 ? bytes : p.content().getBytes(StandardCharsets.UTF_8);
            deadLetter(sender, hash + ":" + p.row(), content, p.reason());
            failed++;
        }
        for (AttendanceRow row : result.rows()) {
            String refused = rows.refusal(row);
            if (refused != null) {
                deadLetter(sender, hash + ":" + row.row(), bytes(row), "row " + row.row() + ": " + refused);
                failed++;
                continue;
            }
            try {
                intake.accept(
                        sender,
                        List.of(new IdempotentIntake.Key("row", "file:" + hash + ":" + row.row())),
                        (id, at) -> rows.toRecord(row, id, at));
                metrics(sender).received();
                read++;
            } catch (RequestRejected e) {
                if (e.status() == 503) {
                    // not stored: leave the claim unfinished; it is taken over and the file read again later
                    log.warn("schools inbox file left for a retry: rows stored so far={}", read);
                    return false;
                }
                deadLetter(sender, hash + ":" + row.row(), bytes(row), "row " + row.row() + ": refused by the intake");
                failed++;
            }
        }
        claims.finish(name, hash, read, failed, clock.instant());
        moveAside(folder, file);
        log.info("schools inbox file processed: sender={} rows={} deadLettered={}", sender.kind(), read, failed);
        return true;
    }

    private void deadLetter(Organisation sender, String key, byte[] content, String reason) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(topics.deadLetter(sender.kind()), key, content);
        r.headers().add(KafkaBatch.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(r).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering a file row", e);
        } catch (Exception e) {
            throw new IllegalStateException("a file row could not be dead-lettered", e);
        }
        metrics(sender).rejected();
    }

    private static byte[] bytes(AttendanceRow row) {
        return row.content().getBytes(StandardCharsets.UTF_8);
    }

    private PartnerMetrics metrics(Organisation sender) {
        return metrics.get(sender.kind());
    }

    private static void moveAside(Path folder, Path file) {
        try {
            Path done = folder.resolve(PROCESSED);
            Files.createDirectories(done);
            Files.move(file, done.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // another instance moved it first, or the folder is read-only: the claim row keeps it from a second run
        }
    }
}
