-- The operator's search finds the order an Idempotency-Key placed without knowing the customer.
create index idempotency_key_by_key on idempotency_key (idempotency_key);
