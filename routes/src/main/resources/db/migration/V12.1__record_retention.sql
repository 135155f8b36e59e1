-- The retention purge finds a provider's records of one type received before a cut-off (RecordPurge).
create index hub_record_retention on hub_record (provider, type, received_at);
