-- The keyed chain: from entry keyed_from on, each entry's hash is an HMAC-SHA256 under a chain key held outside the
-- database (hub.ledger.chain-key, or a key file in the embedded data folder). Entries before it keep the plain SHA-256
-- they were written with and still verify; the first keyed entry links to the last plain one.
-- One row, written once: the hub's database role gets SELECT only (README, Configuration), and every signed
-- checkpoint repeats keyed_from, so moving the start is seen by `ledger verify`.
create table ledger_chain (
    id         integer     primary key check (id = 1),
    keyed_from bigint      not null check (keyed_from >= 1),
    algorithm  text        not null default 'HMAC-SHA256' check (algorithm = 'HMAC-SHA256'),
    started_at timestamptz not null default now()
);
insert into ledger_chain (id, keyed_from) select 1, seq + 1 from ledger_head where id = 1;

-- A declared restore from backup is a ledger entry like any other act the board must account for.
alter table ledger_entry drop constraint ledger_entry_typed;
alter table ledger_entry add constraint ledger_entry_typed check (
    entry_type in ('DISCLOSURE', 'PULL', 'CONSENT', 'CREDENTIAL_ISSUED', 'CREDENTIAL_REVOKED', 'AGREEMENT_CHANGE',
                   'PURGE', 'EXPORT', 'QUERY', 'RESTORE')
    and (entry_type <> 'DISCLOSURE'
         or (decision is not null and record_id is not null and provider is not null and recipient is not null))
    and (entry_type = 'DISCLOSURE' or actor is not null));
