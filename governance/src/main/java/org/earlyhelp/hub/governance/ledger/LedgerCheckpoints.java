package org.earlyhelp.hub.governance.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signed checkpoints of the ledger's head, one file per checkpoint named by its entry number
 * ({@code checkpoint-00000000000000001000.txt}), in a folder every hub instance shares. A file is written under a
 * temporary name, flushed to disk, then linked to its final name, which fails if the name exists: two instances that
 * checkpoint the same entry write the same head, and a checkpoint once written is never replaced (a ledger truncated
 * and refilled past it cannot overwrite the evidence). Archived checkpoints (after a declared restore) live in
 * {@code archived/} and are not read.
 */
public final class LedgerCheckpoints {

    private static final Pattern NAME = Pattern.compile("checkpoint-(\\d{20})\\.txt");
    private static final int MAX_BYTES = 4096;

    private final Path dir;
    private final ChainKey key;

    public LedgerCheckpoints(Path dir, ChainKey key) {
        this.dir = dir;
        this.key = key;
    }

    public Path dir() {
        return dir;
    }

    /** Writes {@code cp} unless a checkpoint of that entry exists already; returns whether this call wrote it. */
    public boolean write(Checkpoint cp) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(name(cp.seq()));
        if (Files.exists(target)) {
            return false;
        }
        Path tmp = dir.resolve(".tmp-" + UUID.randomUUID());
        String text = cp.canonical() + "signature=" + key.checkpointMac(cp.canonical()) + "\n";
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            try (var channel = java.nio.channels.FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.createLink(target, tmp); // atomic, and refuses to replace
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException e) {
                Files.move(tmp, target); // a file system without hard links: no replace either
                return true;
            }
            return true;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The entry number of the newest checkpoint, read from the names alone. */
    public Optional<Long> latestSeq() throws IOException {
        return seqs().stream().max(Comparator.naturalOrder());
    }

    /** The newest {@code n} checkpoints, newest first, each with whether its signature holds. */
    public List<Checkpoint> latest(int n) throws IOException {
        List<Long> seqs = new ArrayList<>(seqs());
        seqs.sort(Comparator.reverseOrder());
        List<Checkpoint> out = new ArrayList<>();
        for (long seq : seqs.subList(0, Math.min(n, seqs.size()))) {
            out.add(read(dir.resolve(name(seq)), seq));
        }
        return out;
    }

    /** Every checkpoint, newest first. */
    public List<Checkpoint> all() throws IOException {
        return latest(Integer.MAX_VALUE);
    }

    /** Moves these checkpoints to {@code archived/<label>/}, where they are kept but no longer read. */
    public Path archive(List<Checkpoint> checkpoints, String label) throws IOException {
        Path archive = dir.resolve("archived").resolve(label);
        Files.createDirectories(archive);
        for (Checkpoint cp : checkpoints) {
            Files.move(dir.resolve(cp.file()), archive.resolve(cp.file()), StandardCopyOption.ATOMIC_MOVE);
        }
        return archive;
    }

    private List<Long> seqs() throws IOException {
        List<Long> seqs = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return seqs;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "checkpoint-*.txt")) {
            for (Path f : files) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (m.matches()) {
                    seqs.add(Long.parseLong(m.group(1)));
                }
            }
        }
        return seqs;
    }

    private Checkpoint read(Path file, long seqInName) {
        String name = file.getFileName().toString();
        try {
            if (Files.size(file) > MAX_BYTES) {
                return unsigned(seqInName, name);
            }
            Map<String, String> fields = new HashMap<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(Checkpoint.HEADER)) {
                return unsigned(seqInName, name);
            }
            for (String line : lines.subList(1, lines.size())) {
                int eq = line.indexOf('=');
                if (eq < 0 || fields.put(line.substring(0, eq), line.substring(eq + 1)) != null) {
                    return unsigned(seqInName, name);
                }
            }
            Checkpoint cp = new Checkpoint(
                    Long.parseLong(fields.get("seq")),
                    fields.get("hash"),
                    Long.parseLong(fields.get("keyed-from")),
                    Instant.parse(fields.get("written-at")),
                    name,
                    false);
            String signature = fields.get("signature");
            boolean signed = fields.size() == 5
                    && cp.seq() == seqInName
                    && signature != null
                    && MessageDigest.isEqual(
                            signature.getBytes(StandardCharsets.US_ASCII),
                            key.checkpointMac(cp.canonical()).getBytes(StandardCharsets.US_ASCII));
            return new Checkpoint(cp.seq(), cp.hash(), cp.keyedFrom(), cp.writtenAt(), name, signed);
        } catch (IOException | RuntimeException e) {
            return unsigned(seqInName, name);
        }
    }

    private static Checkpoint unsigned(long seq, String name) {
        return new Checkpoint(seq, null, 0, null, name, false);
    }

    static String name(long seq) {
        return String.format("checkpoint-%020d.txt", seq);
    }
}
