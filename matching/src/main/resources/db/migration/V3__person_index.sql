-- The person index: which source records are about the same person, why, and what people decided about it.
-- Demographics are personal data: they live only here and in the partners' own systems, never in logs or topics.

create table person (
    person_id   uuid        primary key,
    created_at  timestamptz not null,
    merged_into uuid        references person (person_id)     -- set when a clerical decision merged it away
);

create table person_record (
    record_key   text        primary key,                     -- '<source>/<record id>'
    source       text        not null,
    education    boolean     not null,
    person_id    uuid        not null references person (person_id),
    demographics jsonb       not null,
    received_at  timestamptz not null
);
create index person_record_person on person_record (person_id);

-- Blocking keys (opaque strings derived by the matcher): a new record is compared only with records sharing one.
create table person_block_key (
    block_key  text not null,
    record_key text not null references person_record (record_key) on delete cascade,
    primary key (block_key, record_key)
);
create index person_block_key_record on person_block_key (record_key);

-- Why each record belongs to its person: the rule, the record it matched and the weight of every comparison.
create table person_link (
    record_key         text             primary key references person_record (record_key) on delete cascade,
    person_id          uuid             not null references person (person_id),
    method             text             not null,  -- NEW_PERSON | NHS_NUMBER_AND_DATE_OF_BIRTH | ... | PROBABILISTIC | CLERICAL
    matched_record_key text,
    match_weight       double precision,
    explanation        jsonb,
    linked_at          timestamptz      not null,
    linked_by          text             not null   -- 'matcher' or the person who decided
);

-- Pairs a person must decide: the new record, and a record of the candidate person it may be.
create table match_review (
    review_id            bigserial        primary key,
    record_key           text             not null references person_record (record_key) on delete cascade,
    candidate_record_key text             not null references person_record (record_key) on delete cascade,
    match_weight         double precision not null,
    match_probability    double precision not null,
    explanation          jsonb            not null,
    status               text             not null default 'OPEN',  -- OPEN | SAME_PERSON | DIFFERENT_PEOPLE | SUPERSEDED
    created_at           timestamptz      not null,
    decided_by           text,
    decided_at           timestamptz,
    unique (record_key, candidate_record_key)
);
create index match_review_open on match_review (created_at) where status = 'OPEN';

-- Append-only history of merges and splits, so every family view built on a person can be explained later.
create table person_event (
    event_id        bigserial   primary key,
    kind            text        not null,   -- MERGE | SPLIT
    person_id       uuid        not null,   -- the person kept (merge) or split from (split)
    other_person_id uuid        not null,   -- the person merged away (merge) or created (split)
    record_keys     text[]      not null,   -- the records that moved
    reason          text        not null,
    actor           text        not null,
    at              timestamptz not null
);
create index person_event_person on person_event (person_id);
create index person_event_other on person_event (other_person_id);

-- Pairs a person said are different people: the matcher never links them again.
create table person_cannot_link (
    record_key_a text not null,
    record_key_b text not null,
    primary key (record_key_a, record_key_b)
);

-- How often each normalised name occurs, for term-frequency adjustment of the match weight.
create table term_frequency (
    field text   not null,
    value text   not null,
    count bigint not null,
    primary key (field, value)
);

-- Households: records at the same UPRN, or the same normalised address and postcode, share a key.
create table household_record (
    household_key text not null,
    record_key    text not null references person_record (record_key) on delete cascade,
    primary key (household_key, record_key)
);
create index household_record_record on household_record (record_key);

-- Relationships partners assert between the people in their records (case system parent/child, FHIR RelatedPerson,
-- school contacts).
create table person_relationship (
    from_record_key text        not null,
    to_record_key   text        not null,
    kind            text        not null,   -- e.g. PARENT_OF, CARER_OF, SIBLING_OF, CONTACT_OF
    source          text        not null,
    asserted_at     timestamptz not null,
    primary key (from_record_key, to_record_key, kind)
);
create index person_relationship_to on person_relationship (to_record_key);
