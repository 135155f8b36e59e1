-- Idempotent intake: a provider's own reference for what it sent (a police incident reference, an Idempotency-Key
-- header) maps to the one record the hub made of it, so a retried post returns the first answer and creates nothing
-- new. The primary key is what makes two hub instances on one database agree.
create table intake_key (
    provider    text        not null,   -- the provider organisation (kind:id), or the partner kind
    intake_key  text        not null,   -- 'reference:<ref>' or 'idempotency-key:<header>'
    body_hash   bytea       not null,   -- SHA-256 of what was sent, as the hub read it
    record_id   text        not null,
    state       text        not null check (state in ('PENDING', 'ACCEPTED')),
    claimed_at  timestamptz not null,
    accepted_at timestamptz,
    primary key (provider, intake_key)
);
