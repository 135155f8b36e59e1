package org.earlyhelp.hub.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * The embedded run's ledger chain key: made once, from {@link SecureRandom}, into {@code <data-dir>/keys/} (folder 0700,
 * file 0600) and read back on every later start and by {@code ledger verify}. It lives beside the database, not in it:
 * the point is that the database alone cannot recompute the chain. A real deployment sets {@code hub.ledger.chain-key}
 * from its secret store instead.
 */
public final class ChainKeyFile {

    private ChainKeyFile() {}

    public static Path path(Path dataDir) {
        return dataDir.resolve("keys").resolve("ledger-chain.key");
    }

    /** The key in the data folder, made now if there is none yet. */
    public static byte[] loadOrCreate(Path dataDir) throws IOException {
        Path file = path(dataDir);
        if (!Files.exists(file)) {
            create(file);
        }
        return read(file);
    }

    /** The key in {@code file} (base64 text). */
    public static byte[] read(Path file) throws IOException {
        return KeyMaterial.decode(
                "the chain key file " + file, Files.readString(file, StandardCharsets.US_ASCII), true);
    }

    private static void create(Path file) throws IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir);
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path tmp = dir.resolve(".tmp-" + UUID.randomUUID());
        try {
            if (posix) {
                Files.createFile(
                        tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            Files.writeString(
                    tmp,
                    Base64.getEncoder().encodeToString(key) + "\n",
                    StandardCharsets.US_ASCII,
                    StandardOpenOption.WRITE);
            try {
                Files.createLink(file, tmp); // never replaces a key another process made meanwhile
            } catch (FileAlreadyExistsException e) {
                // keep the one already there
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
