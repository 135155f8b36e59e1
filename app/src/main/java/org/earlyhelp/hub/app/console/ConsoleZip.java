package org.earlyhelp.hub.app.console;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A download of files a writer puts in a temporary directory, as one zip: the directory exists only to be zipped and
 * is deleted at once, whatever happens.
 */
final class ConsoleZip {

    /** Writes the files into the directory it is given and returns them. */
    @FunctionalInterface
    interface Writer {
        List<Path> write(Path dir) throws IOException;
    }

    private ConsoleZip() {}

    static void download(HttpServletResponse response, String filename, Writer files) throws IOException {
        Path dir = Files.createTempDirectory("console-download");
        try {
            List<Path> written = files.write(dir);
            response.setContentType("application/zip");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
            try (OutputStream out = response.getOutputStream();
                    ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Path f : written) {
                    zip.putNextEntry(new ZipEntry(f.getFileName().toString()));
                    Files.copy(f, zip);
                    zip.closeEntry();
                }
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
