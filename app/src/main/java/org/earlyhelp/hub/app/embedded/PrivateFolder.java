package org.earlyhelp.hub.app.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The embedded data folder holds every record, offset and ledger entry of the embedded run in files: it and
 * everything under it is the hub user's alone (folders 0700, files 0600). Java cannot set the process umask, so a file
 * Kafka creates later (a rolled segment) gets the umask's mode; it still sits under a 0700 folder that no other user
 * can enter, and the next start tightens it.
 */
public final class PrivateFolder {

    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFolder() {}

    /** Creates the folder (and missing parents) as 0700; an existing one is set to 0700. */
    public static Path create(Path dir) {
        try {
            Path absolute = dir.toAbsolutePath();
            if (!Files.isDirectory(absolute)) {
                Path parent = absolute.getParent();
                if (parent != null && !Files.isDirectory(parent)) {
                    Files.createDirectories(parent);
                }
                try {
                    Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(FOLDER));
                } catch (FileAlreadyExistsException raced) {
                    // another process made it first: set its mode below
                }
            }
            Files.setPosixFilePermissions(absolute, FOLDER);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the private folder " + dir.toAbsolutePath(), e);
        }
    }

    /** Sets every folder under {@code dir} to 0700 and every file to 0600 (symbolic links are not followed). */
    public static void tighten(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.forEach(PrivateFolder::tightenOne);
        } catch (IOException | UncheckedIOException e) {
            // a file deleted while walking (Kafka cleaning a segment) is no longer there to protect
        }
    }

    private static void tightenOne(Path p) {
        try {
            if (Files.isSymbolicLink(p)) {
                return;
            }
            Files.setPosixFilePermissions(p, Files.isDirectory(p) ? FOLDER : FILE);
        } catch (IOException e) {
            // gone meanwhile
        }
    }

    /**
     * The secret kept in {@code file}, made once (32 random bytes, base64url) and written 0600; read back on later
     * starts, so a data folder keeps its password.
     */
    public static String secret(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path tmp = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(FILE));
            Files.writeString(tmp, secret + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the secret in " + file.toAbsolutePath(), e);
        }
    }
}
