-- Where the hub's polling of each health system's FHIR server has reached, per resource type: the lastUpdated of the
-- last resource handed to the intake. Shared by every hub instance (one polls a source at a time, under an advisory
-- lock), so a restart or a failover resumes where the last poll stopped.
create table health_poll_cursor (
    source        text        not null,
    resource_type text        not null,
    last_updated  timestamptz not null,
    updated_at    timestamptz not null,
    primary key (source, resource_type)
);
