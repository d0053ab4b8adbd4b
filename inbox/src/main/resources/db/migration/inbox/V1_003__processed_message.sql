-- The inbox: the id of every consumed message whose effect is stored, written in the same
-- transaction as that effect, so that a redelivery finds it and changes nothing. Rows older than
-- app.inbox.retention are purged.
create table processed_message (
    message_id   varchar(255) not null primary key,
    processed_at timestamp(6) with time zone not null default now()
);
create index processed_message_by_age on processed_message (processed_at);
