package org.earlyhelp.hub.governance.agreement;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/** One problem found in an agreements file, at a 1-based line. Errors fail the lint; warnings do not. */
public record LintProblem(Path file, int line, Severity severity, String message) {

    public LintProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static LintProblem error(Path file, int line, String message) {
        return new LintProblem(file, line, Severity.ERROR, message);
    }

    public static LintProblem warning(Path file, int line, String message) {
        return new LintProblem(file, line, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Compiler style, so editors and CI logs link to the line: {@code file:line: error: message}. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + severity.name().toLowerCase(Locale.ROOT) + ": " + message;
    }

    public enum Severity {
        ERROR,
        WARNING
    }
}
