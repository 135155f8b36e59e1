package org.earlyhelp.hub.governance.agreement;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** An agreements file could not be loaded; the message names each file and line, e.g. {@code x.yaml:7: ...}. */
public class AgreementException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<LintProblem> problems;

    public AgreementException(List<LintProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<LintProblem> problems() {
        return problems;
    }

    private static String describe(List<LintProblem> problems) {
        return problems.stream()
                .map(p -> fileName(p.file()) + ":" + p.line() + ": " + p.message())
                .collect(Collectors.joining("\n"));
    }

    private static String fileName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
