-- Legitimate relationships (Trust I): which organisation may pull about which person. A row is written only from a
-- record of the organisation's own with a service payload (a pupil on its roll at its own URN, an open involvement
-- with a named lead practitioner or team, the council's roll record) and ended by a closing record. It names the
-- person by the person index key of the establishing record, so it follows that record through merges and splits.
create table relationship (
    relationship_id bigserial   primary key,
    organisation    text        not null,   -- kind:id, e.g. schools:123456
    kind            text        not null,   -- PUPIL_ON_ROLL | OPEN_INVOLVEMENT | TENANCY | ROLL_RECORD
    record_key      text        not null,   -- '<provider>/<record id>#<ref>' of the person in the establishing record
    record_id       text        not null,
    detail          text,                   -- the school URN for roll relationships
    established_at  timestamptz not null,   -- the establishing record's time
    ended_at        timestamptz,
    ended_by_record text,
    unique (organisation, kind, record_key)
);
create index relationship_person on relationship (record_key);
create index relationship_live on relationship (kind, established_at) where ended_at is null;
