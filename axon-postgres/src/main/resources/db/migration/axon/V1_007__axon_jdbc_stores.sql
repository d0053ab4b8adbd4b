-- Axon's JDBC stores leave the keys to the database: the global index of an event and the id of a
-- saga's association value come from their sequences when the insert does not name them.
alter table domain_event_entry alter column global_index set default nextval('domain_event_entry_seq');
alter table association_value_entry alter column id set default nextval('association_value_entry_seq');
