-- The partner directory for schools: where each school (by URN) receives Operation Encompass notifications.
create table school_endpoint (
    urn          text        primary key check (urn ~ '^[0-9]{6}$'),
    name         text,
    endpoint_url text        not null,
    updated_at   timestamptz not null default now()
);
