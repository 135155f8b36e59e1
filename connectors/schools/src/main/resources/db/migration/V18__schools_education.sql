-- Schools and the education service (issue 9).
-- Operation Encompass notifications a designated safeguarding lead must acknowledge: ids, URNs and times only.
-- An escalation is claimed with "update ... where escalated_at is null", so one instance escalates each notification.
create table school_notification (
    delivery_id     text        primary key,
    recipient       text        not null,
    address         text        not null,
    record_id       text        not null,
    ledger_seq      bigint      not null,
    agreement_id    text        not null,
    purpose         text        not null,
    delivered_at    timestamptz not null,
    due_at          timestamptz not null,
    acknowledged_at timestamptz,
    acknowledged_by text,
    escalated_at    timestamptz,
    escalation_seq  bigint
);
create index school_notification_overdue on school_notification (due_at)
    where acknowledged_at is null and escalated_at is null;
create index school_notification_escalated on school_notification (escalated_at) where escalated_at is not null;

-- Children in elective home education, by the ledger's keyed subject key only (no name or date of birth here).
create table school_home_education (
    subject_key text        primary key,
    active      boolean     not null,
    since       date        not null,
    record_id   text        not null,
    updated_at  timestamptz not null default now()
);

-- Attendance files in the watched folder: the first instance to insert a file's name and content hash processes it;
-- any other instance (or a restart) sees the row and leaves the file alone. A claim whose instance died before
-- finishing is taken over after a while (claimed_at), and rows are keyed by the intake, so a re-read row is one record.
create table school_inbox_file (
    file_name    text        not null,
    content_hash text        not null,
    claimed_at   timestamptz not null default now(),
    claimed_by   text        not null,
    finished_at  timestamptz,
    rows_read    integer,
    rows_failed  integer,
    primary key (file_name, content_hash)
);
