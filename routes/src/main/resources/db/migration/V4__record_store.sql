-- The records partners sent, kept so the whole-family view can show each member's involvements, states and events.
-- Only what an agreement permits for the viewer is ever served from here; every view is in the disclosure ledger.

create table hub_record (
    record_id   text        primary key,
    provider    text        not null,
    kind        text        not null,
    type        text        not null,
    received_at timestamptz not null,
    body        bytea       not null   -- the canonical record, Avro single-object encoding
);

-- Each person a record is about, by the key the person index knows them by ('<provider>/<record id>#<ref>').
create table hub_record_person (
    record_key text primary key,
    record_id  text not null references hub_record (record_id),
    person_ref text not null,
    role       text not null
);
create index hub_record_person_record on hub_record_person (record_id);
