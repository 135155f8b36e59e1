-- Typed ledger entries: the one audit record. A DISCLOSURE is a decision about a record, subject and recipient, as
-- before; other types (PULL, CONSENT, CREDENTIAL_ISSUED, CREDENTIAL_REVOKED, AGREEMENT_CHANGE, PURGE, EXPORT, QUERY)
-- name an actor and typed details instead, chained in the same hash chain.
alter table ledger_entry add column entry_type text not null default 'DISCLOSURE';
alter table ledger_entry add column actor text;
alter table ledger_entry add column details jsonb not null default '{}'::jsonb;
alter table ledger_entry alter column decision drop not null;
alter table ledger_entry alter column record_id drop not null;
alter table ledger_entry alter column provider drop not null;
alter table ledger_entry alter column recipient drop not null;
alter table ledger_entry add constraint ledger_entry_typed check (
    entry_type in ('DISCLOSURE', 'PULL', 'CONSENT', 'CREDENTIAL_ISSUED', 'CREDENTIAL_REVOKED', 'AGREEMENT_CHANGE',
                   'PURGE', 'EXPORT', 'QUERY')
    and (entry_type <> 'DISCLOSURE'
         or (decision is not null and record_id is not null and provider is not null and recipient is not null))
    and (entry_type = 'DISCLOSURE' or actor is not null));
create index ledger_entry_type on ledger_entry (entry_type, decided_at);
