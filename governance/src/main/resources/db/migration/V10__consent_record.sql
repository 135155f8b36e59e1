-- Consent as a governed fact (Trust I). Each event says who recorded it (the agreement's collector organisation and
-- the professional), on what basis, against which signed record, for which agreements and until when. Append-only:
-- the latest event that still belongs to the person is in force. The person is the person index id when recorded;
-- reads follow merges from there, and a split of that person after the event leaves it with neither half.
-- consent_event (V5) held consent recorded by anyone without a basis; nothing reads it any more.
create table consent_record (
    event_seq         bigserial   primary key,
    consent_id        uuid        not null unique,
    person_id         uuid        not null,
    anchor_record_key text        not null,   -- the collector's own record of the person ('<provider>/<id>#<ref>')
    scope             text[]      not null,   -- agreement ids
    given             boolean     not null,   -- false records a withdrawal
    basis             text        not null,   -- YOUNG_PERSON | PARENTAL_RESPONSIBILITY | GILLICK_COMPETENT
    reference         text        not null,   -- the signed record in the collector's own system
    expires           date,                   -- last day in force; null only for a withdrawal
    organisation      text        not null,   -- kind:id of the collector
    professional      text        not null,
    professional_role text        not null,
    recorded_at       timestamptz not null
);
create index consent_record_person on consent_record (person_id, recorded_at);
