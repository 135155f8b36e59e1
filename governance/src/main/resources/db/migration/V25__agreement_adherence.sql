-- Adherence: the members of a party that joins by adhering (each of the area's schools) adhere one by one. Each
-- adherence and withdrawal is also an AGREEMENT_CHANGE entry in the ledger; this table is what decisions read.
create table agreement_adherence (
    agreement_id  text        not null,
    organisation  text        not null,  -- kind:id, e.g. schools:123456
    version       integer     not null,  -- the version in force when it adhered
    adhered_by    text        not null,  -- the named professional, with the organisation
    adhered_at    timestamptz not null,
    withdrawn_at  timestamptz,
    withdrawn_by  text,
    primary key (agreement_id, organisation)
);
