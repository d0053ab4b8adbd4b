-- Global indexes a reader of the event store stopped waiting for (GapsGivenUp), which the outbox
-- audit watches: one that turns into an event has been skipped by the reader (OutboxAudit).
create table outbox_audit_gap (
    global_index bigint                      not null primary key,
    given_up_at  timestamp(6) with time zone not null default now()
);
