package org.earlyhelp.hub.app.deadletter;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.earlyhelp.hub.connector.api.Topics;
import org.earlyhelp.hub.connector.api.batch.TopicPublisher;
import org.earlyhelp.hub.governance.consent.ConsentRegister;
import org.earlyhelp.hub.governance.decision.PolicyDecisionPoint;
import org.earlyhelp.hub.governance.flow.Governance;
import org.earlyhelp.hub.governance.flow.Recipient;
import org.earlyhelp.hub.governance.ledger.LedgerEntry;
import org.earlyhelp.hub.governance.ledger.SubjectKey;
import org.earlyhelp.hub.governance.replay.DeadLetterReplays;
import org.earlyhelp.hub.matching.index.IndexedRecord;
import org.earlyhelp.hub.matching.index.PersonIndex;
import org.earlyhelp.hub.routes.govern.GovernBatchProcessor;
import org.earlyhelp.hub.routes.resolve.RecordStore;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.codec.RecordCodec;

/**
 * Lists each partner's dead letters with whether and how each was replayed, and replays one through {@link
 * Governance}: a disclosure is decided again under today's agreements and consent (never resent on the decision it
 * was dead-lettered with), a record is put back on its inbound topic to be governed afresh; what a partner sent that
 * the hub refuses as sent is not replayable (the partner sends it again, corrected).
 */
public final class DeadLetterService {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final DeadLetters letters;
    private final DeadLetterReplays replays;
    private final Governance governance;
    private final RecordStore store;
    private final RecordCodec codec;
    private final PersonIndex index;
    private final SubjectKey subjectKey;
    private final ConsentRegister consents;
    private final TopicPublisher publisher;
    private final Topics topics;
    private final Clock clock;

    public DeadLetterService(
            DeadLetters letters,
            DeadLetterReplays replays,
            Governance governance,
            RecordStore store,
            RecordCodec codec,
            PersonIndex index,
            SubjectKey subjectKey,
            ConsentRegister consents,
            TopicPublisher publisher,
            Topics topics,
            Clock clock) {
        this.letters = letters;
        this.replays = replays;
        this.governance = governance;
        this.store = store;
        this.codec = codec;
        this.index = index;
        this.subjectKey = subjectKey;
        this.consents = consents;
        this.publisher = publisher;
        this.topics = topics;
        this.clock = clock;
    }

    /** A letter and its replay, if done. */
    public record Listed(DeadLetters.Letter letter, DeadLetterReplays.Replay replay) {
        public boolean replayable() {
            return replay == null && letter.kind() != DeadLetters.Kind.AS_SENT;
        }
    }

    /** What a replay did. */
    public record Replayed(String letter, String outcome, String by, List<String> reasons) {}

    /** Something about the letter that stops its replay: 409 with a reason free of personal data. */
    public static final class NotReplayable extends RuntimeException {
        NotReplayable(String message) {
            super(message);
        }
    }

    /** How many dead letters each partner has. */
    public Map<String, Long> counts(java.util.Collection<String> partners) {
        return letters.counts(partners);
    }

    public List<Listed> latest(String partner, int limit) {
        List<DeadLetters.Letter> found = letters.latest(partner, limit);
        Map<String, DeadLetterReplays.Replay> done =
                replays.done(found.stream().map(DeadLetters.Letter::id).toList());
        return found.stream().map(l -> new Listed(l, done.get(l.id()))).toList();
    }

    /**
     * @throws java.util.NoSuchElementException when there is no such letter
     * @throws NotReplayable when the letter cannot be replayed
     * @throws org.earlyhelp.hub.governance.replay.ReplayDone when it was replayed already
     */
    public Replayed replay(String letterId, String replayer) {
        DeadLetters.Letter letter = letters.find(letterId).orElseThrow();
        LocalDate today = LocalDate.now(clock.withZone(UK));
        switch (letter.kind()) {
            case DISCLOSURE -> {
                Recipient to = new Recipient(
                        letter.disclosure().getRecipient().getPartner(),
                        letter.disclosure().getRecipient().getAddress());
                Governance.Replayed r;
                try {
                    r = governance.replay(
                            letter.id(),
                            letter.deliveryId(),
                            to,
                            replayer,
                            entry -> context(entry, today),
                            today,
                            release -> publisher.publishAll(
                                    List.of(GovernBatchProcessor.outbound(release, topics, codec))));
                } catch (IllegalArgumentException e) {
                    throw new NotReplayable(e.getMessage());
                }
                return new Replayed(letter.id(), r.outcome().name(), replayer, r.reasons());
            }
            case RECORD -> {
                HubRecord record = letter.record();
                if (!letter.partner().equals(record.getProvider())) {
                    throw new NotReplayable("the record is not from " + letter.partner() + ": it is not requeued");
                }
                DeadLetterReplays.Replay done = governance.requeue(
                        letter.id(),
                        record.getRecordId(),
                        record.getProvider(),
                        replayer,
                        () -> publisher.publishAll(List.of(new ProducerRecord<>(
                                topics.inbound(record.getProvider()), record.getRecordId(), codec.encode(record)))));
                return new Replayed(
                        letter.id(),
                        done.outcome(),
                        replayer,
                        List.of("put back on its inbound topic, to be governed again under today's agreements"));
            }
            default ->
                throw new NotReplayable("this letter is what " + letter.partner()
                        + " sent, refused as sent: the partner must send it again, corrected");
        }
    }

    private Governance.ReleaseContext context(LedgerEntry entry, LocalDate today) {
        HubRecord record = store.body(entry.recordId())
                .map(codec::decodeRecord)
                .orElseThrow(() -> new NotReplayable("the record is no longer held (past its retention)"));
        Person subject = record.getPeople().stream()
                .filter(p -> subjectKey
                        .candidates(p.getGivenName(), p.getFamilyName(), p.getDateOfBirth())
                        .contains(entry.subjectKey()))
                .findFirst()
                .orElseThrow(() -> new NotReplayable("the stored record no longer holds the subject"));
        Optional<UUID> person =
                index.record(RecordStore.recordKey(record, subject)).map(IndexedRecord::personId);
        PolicyDecisionPoint.ConsentCheck consent =
                person.map(p -> consents.checkFor(p, today)).orElse(PolicyDecisionPoint.ConsentCheck.NONE_RECORDED);
        return new Governance.ReleaseContext(record, consent, null);
    }
}
