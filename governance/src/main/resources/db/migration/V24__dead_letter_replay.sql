-- Consent-aware replay of dead letters: a replayed disclosure is decided again under the agreements and consent of
-- the moment of replay (its decision in ledger_entry under replay_key), never resent on the decision it was
-- dead-lettered with; a replayed record is put back on its inbound topic and governed afresh. One row per letter
-- replayed: its row lock serialises two replays of the same letter across hub instances, and a letter is replayed once.
create table dead_letter_replay (
    replay_key   text        primary key,
    letter       text        not null,  -- where the letter is: topic/partition/offset (opaque, no personal data)
    kind         text        not null check (kind in ('DISCLOSURE', 'RECORD')),
    status       text        not null default 'OPEN' check (status in ('OPEN', 'DONE')),
    outcome      text,                  -- PERMIT, DENY or REVIEW for a disclosure; REQUEUED for a record
    replayed_by  text,
    replayed_at  timestamptz
);
create unique index dead_letter_replay_letter on dead_letter_replay (letter);

alter table ledger_entry drop constraint ledger_entry_typed;
alter table ledger_entry add constraint ledger_entry_typed check (
    entry_type in ('DISCLOSURE', 'PULL', 'CONSENT', 'CREDENTIAL_ISSUED', 'CREDENTIAL_REVOKED', 'AGREEMENT_CHANGE',
                   'PURGE', 'EXPORT', 'QUERY', 'RESTORE', 'OVERRIDE', 'REPLAY', 'RECALL')
    and (entry_type <> 'DISCLOSURE'
         or (decision is not null and record_id is not null and provider is not null and recipient is not null))
    and (entry_type = 'DISCLOSURE' or actor is not null));

-- the deadline report joins each notification to its replay
create index ledger_entry_replay_of on ledger_entry ((details->>'replayOf')) where details ? 'replayOf';
