-- The disclosure review queue: every REVIEW decision of a notification parked with its cause until a person releases
-- or refuses it. The decision itself is in ledger_entry (decision_key); this row is its place in the queue, and the
-- row lock taken to close it serialises a release and a refusal across hub instances.
create table disclosure_review (
    decision_key      text        primary key,
    ledger_seq        bigint      not null,
    record_id         text        not null,
    subject_ref       text        not null,  -- the person's opaque reference within the record, never an identifier
    subject_key       text,                  -- keyed HMAC of the person's identity, as in the ledger
    provider          text        not null,
    recipient_partner text        not null,
    agreement_id      text,
    agreement_version integer,
    cause             text        not null check (cause in ('CONSENT', 'UNADDRESSABLE', 'NO_CONNECTOR')),
    reasons           text[]      not null,
    parked_at         timestamptz not null,
    status            text        not null default 'OPEN' check (status in ('OPEN', 'RELEASED', 'REFUSED')),
    closed_by         text,
    closed_at         timestamptz,
    closed_reason     text,
    closing_key       text                   -- the ledger entry (and delivery id) of the release or refusal
);
create index disclosure_review_open on disclosure_review (status, parked_at);

-- Safeguarding overrides: a named professional, in a role the agreement lists, lifting its consent requirement for one
-- record, citing a legal gateway the agreement lists, until a bounded time. Ledgered as OVERRIDE entries; uses
-- counts the releases that rested on it.
create table safeguarding_override (
    override_id       uuid        primary key,
    record_id         text        not null,
    agreement_id      text        not null,
    agreement_version integer     not null,
    reason            text        not null,
    professional      text        not null,
    professional_role text        not null,
    asserted_by       text        not null,
    asserted_at       timestamptz not null,
    expires_at        timestamptz not null,
    uses              integer     not null default 0
);
create index safeguarding_override_record on safeguarding_override (record_id, agreement_id);

alter table ledger_entry drop constraint ledger_entry_typed;
alter table ledger_entry add constraint ledger_entry_typed check (
    entry_type in ('DISCLOSURE', 'PULL', 'CONSENT', 'CREDENTIAL_ISSUED', 'CREDENTIAL_REVOKED', 'AGREEMENT_CHANGE',
                   'PURGE', 'EXPORT', 'QUERY', 'RESTORE', 'OVERRIDE')
    and (entry_type <> 'DISCLOSURE'
         or (decision is not null and record_id is not null and provider is not null and recipient is not null))
    and (entry_type = 'DISCLOSURE' or actor is not null));
