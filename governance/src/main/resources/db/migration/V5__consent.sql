-- The consent register: for agreements that need consent, whether the person (or whoever can give it for a child)
-- gave it, as recorded by a partner. Append-only: the latest entry per person and agreement is in force.
create table consent_event (
    event_id     bigserial   primary key,
    person_key   text        not null,   -- the person index id of the person
    agreement_id text        not null,
    given        boolean     not null,   -- false records a withdrawal
    recorded_by  text        not null,   -- the partner that recorded it
    recorded_at  timestamptz not null
);
create index consent_event_person on consent_event (person_key, agreement_id, event_id);
