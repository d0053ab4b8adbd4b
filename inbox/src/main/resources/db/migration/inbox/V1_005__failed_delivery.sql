-- Failures of consumed messages that were the message's own (not the broker's or the database's
-- being away), counted by the service (FailedDeliveries): a message is dead-lettered after its
-- listener's limit of them. Rows older than app.inbox.retention are purged.
create table failed_delivery (
    message_id     varchar(255)                not null primary key,
    failures       integer                     not null,
    last_failure   text,
    last_failed_at timestamp(6) with time zone not null default now()
);
create index failed_delivery_by_age on failed_delivery (last_failed_at);
