-- Bearer credentials, one per organisation (a school by URN, a health body by ODS code, ...). Only the SHA-256 of a
-- token is kept: the token itself is shown once, when it is issued. A revoked credential stays for the record.
create table credential (
    id            text primary key,
    organisation  text not null,
    label         text,
    token_sha256  bytea not null unique,
    development   boolean not null default false,
    issued_at     timestamptz not null,
    revoked_at    timestamptz
);

create index credential_active on credential (organisation) where revoked_at is null;
