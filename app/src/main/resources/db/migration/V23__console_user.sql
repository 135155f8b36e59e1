-- The governance console's local users: each signs in as themselves, acts for one party (a partner kind an agreement
-- names, e.g. police or council) and holds roles (BOARD: propose and approve agreements for their party; REVIEWER:
-- the review queues, overrides and dead letters; SUBJECT_ACCESS: answer subject access requests). Only a BCrypt hash
-- of the password is kept. In the external run, users come from the council's identity provider instead (OIDC).
create table console_user (
    username      text        primary key,
    display_name  text        not null,
    party         text        not null,
    roles         text[]      not null,
    password_hash text        not null,
    demo          boolean     not null default false,
    created_at    timestamptz not null
);

-- Proposed agreement files, from the console: the text as proposed, and each party's approval of exactly that text
-- (its SHA-256): an edit leaves earlier approvals behind. Putting a proposal in force writes the text, with the
-- approvals recorded here, into the agreements directory.
create table agreement_proposal (
    proposal_id  uuid        primary key,
    file_name    text        not null,
    agreement_id text        not null,
    yaml         text        not null,
    digest       text        not null,
    status       text        not null default 'OPEN' check (status in ('OPEN', 'APPLIED', 'WITHDRAWN')),
    created_by   text        not null,
    created_at   timestamptz not null,
    closed_by    text,
    closed_at    timestamptz
);
create table agreement_proposal_approval (
    proposal_id  uuid        not null references agreement_proposal (proposal_id),
    party        text        not null,
    username     text        not null,
    display_name text        not null,
    digest       text        not null,
    approved_at  timestamptz not null,
    primary key (proposal_id, party, digest)
);
