package org.earlyhelp.hub.app.agreements;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.agreement.LintProblem;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.EntryType;
import org.earlyhelp.hub.governance.ledger.LedgerDraft;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every load, change, refusal and status change of the agreements, in the ledger: a reload (from the watcher or
 * {@code POST /api/agreements/reload}) goes through here, and each file that differs from the set in force before is
 * an {@link EntryType#AGREEMENT_CHANGE} entry with its id, version and status before and after, the content's
 * digest and a unified diff; a refused reload is one entry with the errors (file, line, message: agreements hold no
 * personal data), and the set in force stays. Entries are keyed by content, so two instances watching one directory,
 * or a restart, write each version once.
 */
public class AgreementChanges {

    private static final Logger log = LoggerFactory.getLogger(AgreementChanges.class);

    /** A ledger detail is a line in a table, not a file: a diff beyond this is cut, its digest still exact. */
    static final int MAX_DIFF_CHARS = 8_000;

    private final AgreementCatalogue catalogue;
    private final DisclosureLedger ledger;
    private final Path dir;
    private Map<String, String> inForce; // file name -> content, of the set in force

    public AgreementChanges(AgreementCatalogue catalogue, DisclosureLedger ledger, Path dir) {
        this.catalogue = catalogue;
        this.ledger = ledger;
        this.dir = dir;
    }

    /** Records the set the hub started with: each version once, whichever instance or start wrote it first. */
    public synchronized void recordStart(String actor) {
        Map<String, String> now = read();
        Map<String, Agreement> agreements = byFile(catalogue.get());
        for (Map.Entry<String, String> f : now.entrySet()) {
            ledger.append(List.of(
                    entry(actor, "in-force", f.getKey(), null, agreements.get(f.getKey()), null, f.getValue())));
        }
        inForce = now;
    }

    /** The directory's content as it is now, for the watcher to compare. */
    public String digestOfDirectory() {
        return digest(read().toString());
    }

    /** Reloads and ledgers what changed; the errors when it was refused (the set in force then stays). */
    public synchronized List<LintProblem> reload(String actor) {
        Map<String, Agreement> before = byFile(catalogue.get());
        Map<String, String> now = read();
        List<LintProblem> errors = catalogue.reload();
        if (!errors.isEmpty()) {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("change", "refused");
            d.put("errors", String.valueOf(errors.size()));
            d.put(
                    "problems",
                    String.join(
                            "\n",
                            errors.stream()
                                    .limit(20)
                                    .map(p -> dir.relativize(p.file()) + ":" + p.line() + ": " + p.message())
                                    .toList()));
            ledger.append(List.of(LedgerDraft.event(
                    EntryType.AGREEMENT_CHANGE, "agreements-refused:" + digest(now.toString()), actor, null, d)));
            log.warn("agreements change refused and ledgered: errors={}", errors.size());
            return errors;
        }
        Map<String, Agreement> after = byFile(catalogue.get());
        Map<String, String> previous = inForce == null ? Map.of() : inForce;
        for (Map.Entry<String, String> f : now.entrySet()) {
            String old = previous.get(f.getKey());
            if (!f.getValue().equals(old)) {
                ledger.append(List.of(entry(
                        actor,
                        old == null ? "added" : "changed",
                        f.getKey(),
                        before.get(f.getKey()),
                        after.get(f.getKey()),
                        old,
                        f.getValue())));
            }
        }
        for (Map.Entry<String, String> f : previous.entrySet()) {
            if (!now.containsKey(f.getKey())) {
                ledger.append(
                        List.of(entry(actor, "removed", f.getKey(), before.get(f.getKey()), null, f.getValue(), null)));
            }
        }
        inForce = now;
        return List.of();
    }

    private static LedgerDraft entry(
            String actor, String change, String file, Agreement was, Agreement is, String oldText, String newText) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("change", change);
        d.put("file", file);
        Agreement a = is != null ? is : was;
        if (a != null) {
            d.put("agreement", a.id());
        }
        if (was != null) {
            d.put("version-before", String.valueOf(was.version()));
            d.put("status-before", was.status().yamlName());
        }
        if (is != null) {
            d.put("version", String.valueOf(is.version()));
            d.put("status", is.status().yamlName());
        }
        String content = newText == null ? "" : newText;
        d.put("digest", digest(content));
        if (oldText != null || newText != null) {
            d.put("diff", diff(file, oldText, newText));
        }
        // under the agreement's id, so GET /api/ledger/agreements/<id> shows its history beside its disclosures
        return new LedgerDraft(
                "agreement:" + file + ":" + change + ":" + digest((oldText == null ? "" : digest(oldText)) + content),
                null,
                null,
                null,
                null,
                null,
                a != null ? a.id() : file.replaceFirst("\\.yaml$", ""),
                a != null ? a.version() : null,
                null,
                null,
                List.of(),
                List.of(),
                EntryType.AGREEMENT_CHANGE,
                actor,
                d);
    }

    /** A unified diff of the file's text, before and after (an empty side for a file added or removed). */
    public static String diff(String file, String oldText, String newText) {
        List<String> a = oldText == null ? List.of() : oldText.lines().toList();
        List<String> b = newText == null ? List.of() : newText.lines().toList();
        Patch<String> patch = DiffUtils.diff(a, b);
        String unified = String.join(
                "\n",
                UnifiedDiffUtils.generateUnifiedDiff(
                        oldText == null ? "/dev/null" : "a/" + file,
                        newText == null ? "/dev/null" : "b/" + file,
                        a,
                        patch,
                        2));
        return unified.length() <= MAX_DIFF_CHARS ? unified : unified.substring(0, MAX_DIFF_CHARS) + "\n... (cut)";
    }

    private Map<String, String> read() {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path f : list.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .toList()) {
                files.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the agreements directory", e);
        }
        return files;
    }

    private static Map<String, Agreement> byFile(List<Agreement> agreements) {
        Map<String, Agreement> out = new LinkedHashMap<>();
        for (Agreement a : agreements) {
            out.put(a.id() + ".yaml", a);
        }
        return out;
    }

    static String digest(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
