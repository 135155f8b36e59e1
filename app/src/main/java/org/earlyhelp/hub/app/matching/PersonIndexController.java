package org.earlyhelp.hub.app.matching;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.earlyhelp.hub.matching.index.IndexException;
import org.earlyhelp.hub.matching.index.IndexedRecord;
import org.earlyhelp.hub.matching.index.PersonEvent;
import org.earlyhelp.hub.matching.index.PersonIndex;
import org.earlyhelp.hub.matching.index.ReviewDecision;
import org.earlyhelp.hub.matching.index.ReviewItem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The clerical review queue: pairs the matcher was unsure of, oldest first, each with both records and the weight each
 * comparison contributed; a reviewer answers same person (the people merge) or different people (never linked
 * again). Also a person's records with how each was linked, their merge and split history, and splitting a wrong
 * link apart. Every change names the reviewer and is recorded.
 */
@RestController
@RequestMapping("/api/matching")
@Tag(name = "matching", description = "Clerical review queue and person maintenance (governance credential)")
public class PersonIndexController {

    private final PersonIndex index;

    public PersonIndexController(PersonIndex index) {
        this.index = index;
    }

    /** One pair to decide, with both records. */
    public record ReviewView(ReviewItem item, IndexedRecord record, IndexedRecord candidate) {}

    /** A reviewer's answer. */
    public record DecisionRequest(@NotNull ReviewDecision decision, @NotBlank @Size(max = 100) String reviewer) {}

    /** Records to move off a person, and why. */
    public record SplitRequest(
            @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 200) String> recordKeys,
            @NotBlank @Size(max = 500) String reason,
            @NotBlank @Size(max = 100) String reviewer) {}

    /** A person's records and history. */
    public record PersonView(UUID personId, List<IndexedRecord> records, List<PersonEvent> history) {}

    @Operation(summary = "The open review queue, oldest first", security = @SecurityRequirement(name = "partner-token"))
    @GetMapping("/reviews")
    public Map<String, Object> reviews(@RequestParam(value = "limit", defaultValue = "20") int limit) {
        List<ReviewView> views = new ArrayList<>();
        for (ReviewItem item : index.openReviews(Math.max(1, Math.min(limit, 200)))) {
            views.add(new ReviewView(
                    item,
                    index.record(item.recordKey()).orElse(null),
                    index.record(item.candidateRecordKey()).orElse(null)));
        }
        return Map.of("open", index.openReviewCount(), "items", views);
    }

    @Operation(
            summary = "Decide a pair: SAME_PERSON merges the people, DIFFERENT_PEOPLE keeps them apart for good",
            security = @SecurityRequirement(name = "partner-token"))
    @PostMapping("/reviews/{reviewId}")
    public Map<String, Object> decide(@PathVariable long reviewId, @Valid @RequestBody DecisionRequest body) {
        UUID person = index.decide(reviewId, body.decision(), body.reviewer());
        return Map.of("reviewId", reviewId, "decision", body.decision(), "personId", person);
    }

    @Operation(summary = "A person's records, how each was linked, and their merges and splits")
    @GetMapping("/people/{personId}")
    public PersonView person(@PathVariable UUID personId) {
        UUID current = index.currentPerson(personId).orElseThrow(() -> new IndexException("no such person"));
        return new PersonView(current, index.recordsOf(current), index.history(current));
    }

    @Operation(summary = "Move records that are not this person to a new person; they are never linked back")
    @PostMapping("/people/{personId}/split")
    public Map<String, Object> split(@PathVariable UUID personId, @Valid @RequestBody SplitRequest body) {
        UUID created = index.split(personId, body.recordKeys(), body.reason(), body.reviewer());
        return Map.of("personId", personId, "newPersonId", created);
    }
}
