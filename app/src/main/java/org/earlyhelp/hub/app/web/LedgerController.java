package org.earlyhelp.hub.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.earlyhelp.hub.connector.api.DatedPerson;
import org.earlyhelp.hub.connector.api.PlausibleDateOfBirth;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.LedgerEntry;
import org.earlyhelp.hub.governance.ledger.LedgerVerifier;
import org.earlyhelp.hub.governance.ledger.SubjectKey;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The disclosure ledger for the data governance board: by record, by person and by agreement. Person look-ups are a
 * POST so that names and dates of birth never appear in URLs or access logs.
 */
@RestController
@RequestMapping("/api/ledger")
@Tag(name = "ledger", description = "Who received what, when, and under which agreement (governance credential)")
public class LedgerController {

    private final DisclosureLedger ledger;
    private final LedgerVerifier verifier;
    private final SubjectKey subjectKey;

    public LedgerController(DisclosureLedger ledger, LedgerVerifier verifier, SubjectKey subjectKey) {
        this.ledger = ledger;
        this.verifier = verifier;
        this.subjectKey = subjectKey;
    }

    @Operation(summary = "Every decision about one record, by the id the partner was given")
    @GetMapping("/records/{recordId}")
    public List<EntryView> byRecord(@PathVariable String recordId) {
        return views(ledger.findByRecord(recordId));
    }

    @Operation(summary = "Every decision under one agreement")
    @GetMapping("/agreements/{agreementId}")
    public List<EntryView> byAgreement(@PathVariable String agreementId) {
        return views(ledger.findByAgreement(agreementId));
    }

    @Operation(summary = "Every load, change, refusal and status change of the agreements, with versions and diffs")
    @GetMapping("/agreement-changes")
    public List<EntryView> agreementChanges() {
        return views(ledger.events(org.earlyhelp.hub.governance.ledger.EntryType.AGREEMENT_CHANGE, Instant.EPOCH));
    }

    @Operation(
            summary = "Every decision about one person (name and date of birth as the provider gave them), under every"
                    + " pseudonymisation key version")
    @PostMapping("/people/search")
    public List<EntryView> byPerson(@Valid @RequestBody PersonQuery query) {
        // every key version and both name foldings: a person's entries survive key rotation
        return views(ledger.findBySubjects(
                subjectKey.candidates(query.givenName(), query.familyName(), query.dateOfBirth())));
    }

    @Operation(
            summary = "Check the keyed chain against the signed checkpoints; names an edited, deleted or truncated"
                    + " entry and a forged checkpoint")
    @GetMapping("/verify")
    public Map<String, Object> verify() {
        LedgerVerifier.Result r = verifier.verify();
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("intact", r.intact());
        body.put("checked", r.checked());
        body.put("checkpoints", r.checkpoints());
        r.firstBroken().ifPresent(seq -> body.put("firstBroken", seq));
        if (!r.intact()) {
            body.put("why", r.why());
            body.put(
                    "problems",
                    r.problems().stream()
                            .map(p -> Map.of("kind", p.kind().name(), "seq", p.seq(), "why", p.why()))
                            .toList());
        }
        body.put("restores", r.restores());
        return body;
    }

    private List<EntryView> views(List<LedgerEntry> entries) {
        Map<String, DisclosureLedger.Delivery> deliveries =
                ledger.deliveries(entries.stream().map(LedgerEntry::decisionKey).toList());
        return entries.stream()
                .map(e -> EntryView.of(e, deliveries.get(e.decisionKey())))
                .toList();
    }

    /** A person as a provider described them; an expected (pre-birth) date of birth is marked so. */
    @PlausibleDateOfBirth
    public record PersonQuery(
            @NotBlank @Size(max = 100) String givenName,
            @NotBlank @Size(max = 100) String familyName,
            @NotNull LocalDate dateOfBirth,
            Boolean dateOfBirthExpected)
            implements DatedPerson {}

    /** One ledger entry with what became of it, and its details (who asked, why, what was answered: ids and words). */
    public record EntryView(
            long seq,
            String decision,
            String recordId,
            String provider,
            String recipient,
            String agreementId,
            Integer agreementVersion,
            String purpose,
            String lawfulBasis,
            List<String> fieldsReleased,
            List<String> reasons,
            Instant decidedAt,
            String deliveryId,
            String deliveryStatus,
            Integer deliveryAttempts,
            Instant deliveredAt,
            String hash,
            String actor,
            Map<String, String> details) {

        static EntryView of(LedgerEntry e, DisclosureLedger.Delivery d) {
            return new EntryView(
                    e.seq(),
                    e.decision() == null ? e.type().name() : e.decision().name(),
                    e.recordId(),
                    e.provider(),
                    e.recipient(),
                    e.agreementId(),
                    e.agreementVersion(),
                    e.purpose(),
                    e.lawfulBasis(),
                    e.fieldsReleased(),
                    e.reasons(),
                    e.decidedAt(),
                    e.decisionKey(),
                    d == null ? null : d.status().name(),
                    d == null ? null : d.attempts(),
                    d == null ? null : d.completedAt(),
                    e.hash(),
                    e.actor(),
                    new java.util.TreeMap<>(e.details()));
        }
    }
}
