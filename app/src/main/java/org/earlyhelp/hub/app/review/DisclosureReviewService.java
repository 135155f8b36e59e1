package org.earlyhelp.hub.app.review;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.earlyhelp.hub.connector.api.Topics;
import org.earlyhelp.hub.connector.api.batch.TopicPublisher;
import org.earlyhelp.hub.governance.consent.ConsentRegister;
import org.earlyhelp.hub.governance.decision.PolicyDecisionPoint;
import org.earlyhelp.hub.governance.flow.Governance;
import org.earlyhelp.hub.governance.flow.Recipient;
import org.earlyhelp.hub.governance.relationship.RelationshipRegister;
import org.earlyhelp.hub.governance.review.ReviewItem;
import org.earlyhelp.hub.matching.index.IndexedRecord;
import org.earlyhelp.hub.matching.index.PersonIndex;
import org.earlyhelp.hub.routes.govern.GovernBatchProcessor;
import org.earlyhelp.hub.routes.resolve.RecordStore;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.codec.RecordCodec;

/**
 * Releases and refuses parked notifications through {@link Governance}: finds what the hub knows now about an item
 * (the stored record, the person's consent as recorded today, a recipient the reviewer found and the person's
 * relationship with it) and publishes a release to the recipient's outbound topic, waiting for the broker, before the
 * item is closed.
 */
public final class DisclosureReviewService {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final Governance governance;
    private final RecordStore store;
    private final RecordCodec codec;
    private final PersonIndex index;
    private final ConsentRegister consents;
    private final RelationshipRegister relationships;
    private final TopicPublisher publisher;
    private final Topics topics;
    private final Clock clock;

    public DisclosureReviewService(
            Governance governance,
            RecordStore store,
            RecordCodec codec,
            PersonIndex index,
            ConsentRegister consents,
            RelationshipRegister relationships,
            TopicPublisher publisher,
            Topics topics,
            Clock clock) {
        this.governance = governance;
        this.store = store;
        this.codec = codec;
        this.index = index;
        this.consents = consents;
        this.relationships = relationships;
        this.publisher = publisher;
        this.topics = topics;
        this.clock = clock;
    }

    /** Something the hub cannot resolve for this item: 409 with a reason free of personal data. */
    public static final class Unresolvable extends RuntimeException {
        Unresolvable(String message) {
            super(message);
        }
    }

    /**
     * @param foundAddress the address within the item's recipient partner that the reviewer found (a school's URN), or
     *     null
     */
    public ReviewItem release(String decisionKey, String decider, String foundAddress) {
        LocalDate today = LocalDate.now(clock.withZone(UK));
        return governance.release(
                decisionKey,
                decider,
                item -> context(item, foundAddress, today),
                today,
                r -> publisher.publishAll(List.of(GovernBatchProcessor.outbound(r, topics, codec))));
    }

    public ReviewItem refuse(String decisionKey, String decider, String reason) {
        return governance.refuse(decisionKey, decider, reason);
    }

    private Governance.ReleaseContext context(ReviewItem item, String foundAddress, LocalDate today) {
        HubRecord record = store.body(item.recordId())
                .map(codec::decodeRecord)
                .orElseThrow(() -> new Unresolvable("the record is no longer held (past its retention): refuse it"));
        Person subject = record.getPeople().stream()
                .filter(p -> p.getRef().equals(item.subjectRef()))
                .findFirst()
                .orElseThrow(() -> new Unresolvable("the stored record no longer holds the subject: refuse it"));
        Optional<UUID> person =
                index.record(RecordStore.recordKey(record, subject)).map(IndexedRecord::personId);
        PolicyDecisionPoint.ConsentCheck consent =
                person.map(p -> consents.checkFor(p, today)).orElse(PolicyDecisionPoint.ConsentCheck.NONE_RECORDED);
        Recipient found = null;
        if (foundAddress != null) {
            try {
                found = new Recipient(item.recipientPartner(), foundAddress);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("recipientAddress: " + e.getMessage());
            }
            List<String> keys = person.map(p -> index.recordsOf(p).stream()
                            .map(IndexedRecord::recordKey)
                            .toList())
                    .orElse(List.of());
            if (relationships.live(found.toString(), keys).isEmpty()) {
                throw new Unresolvable("no live relationship between this person and " + found
                        + " is recorded: the recipient found must hold one (for a school, the child on its roll)");
            }
        }
        return new Governance.ReleaseContext(record, consent, found);
    }
}
