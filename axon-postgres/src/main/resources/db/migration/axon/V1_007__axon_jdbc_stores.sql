-- Axon's JDBC event store leaves the global index to the database: it comes from its sequence
-- when the insert does not name it.
alter table domain_event_entry alter column global_index set default nextval('domain_event_entry_seq');
