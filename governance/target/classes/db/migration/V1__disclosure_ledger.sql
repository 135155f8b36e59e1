-- The disclosure ledger: every PERMIT, DENY and REVIEW the hub decides, hash-chained so that an edited,
-- deleted or inserted row is found by `ledger verify`.
create table ledger_entry (
    seq               bigint      primary key,
    entry_id          uuid        not null unique,
    decision_key      text        not null unique,  -- idempotency: one decision per record, subject, recipient, agreement
    decided_at        timestamptz not null,
    decision          text        not null check (decision in ('PERMIT', 'DENY', 'REVIEW')),
    record_id         text        not null,
    subject_key       text,                         -- keyed HMAC of the person's identity, never the identity itself
    provider          text        not null,
    recipient         text        not null,
    agreement_id      text,
    agreement_version integer,
    purpose           text,
    lawful_basis      text,
    fields_released   text[]      not null,
    reasons           text[]      not null,
    prev_hash         text        not null,
    hash              text        not null
);
create index ledger_entry_record on ledger_entry (record_id);
create index ledger_entry_subject on ledger_entry (subject_key);
create index ledger_entry_agreement on ledger_entry (agreement_id, agreement_version);

-- The head of the chain; its row lock serialises appends across hub instances.
create table ledger_head (
    id   integer primary key check (id = 1),
    seq  bigint  not null,
    hash text    not null
);
insert into ledger_head (id, seq, hash) values (1, 0, 'genesis');

-- What happened to each permitted disclosure after the decision: kept apart so the chain is never rewritten.
create table delivery (
    decision_key  text        primary key,
    recipient     text        not null,
    status        text        not null check (status in ('DELIVERED', 'DEAD_LETTERED')),
    attempts      integer     not null,
    http_status   integer,
    completed_at  timestamptz not null
);
