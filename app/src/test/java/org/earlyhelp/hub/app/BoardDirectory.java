package org.earlyhelp.hub.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** A copy of the board's agreements directory for a test that changes agreements without touching the real one. */
final class BoardDirectory {

    private BoardDirectory() {}

    /**
     * Makes {@code dir} exactly the board's directory: an agreement an earlier build left there would change the
     * decisions.
     */
    static Path copyTo(String dir) {
        try {
            Path target = Path.of(dir);
            Files.createDirectories(target);
            try (Stream<Path> stale = Files.list(target)) {
                for (Path f : stale.toList()) {
                    Files.delete(f);
                }
            }
            try (Stream<Path> files = Files.list(Path.of("..", "agreements"))) {
                for (Path f : files.toList()) {
                    Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
