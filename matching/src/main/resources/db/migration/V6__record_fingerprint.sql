-- A digest of a record's normalised demographics: a record identical to one already resolved joins its person without
-- being scored again (partners send the same people over and over: every incident, every term's attendance).
alter table person_record add column fingerprint text;
create index person_record_fingerprint on person_record (fingerprint) where fingerprint is not null;
