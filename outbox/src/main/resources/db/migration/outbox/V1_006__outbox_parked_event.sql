-- Events the forwarder stopped trying to publish because the broker refused them (ParkedEvents), and
-- the later events of the same aggregates, parked behind them to keep their order, until an operator
-- retries them. The events themselves stay in the event store.
create table outbox_parked_event (
    event_id        varchar(255)                not null primary key,
    aggregate_id    varchar(255)                not null,
    sequence_number bigint                      not null,
    event_type      varchar(255)                not null,
    reason          text                        not null,
    parked_at       timestamp(6) with time zone not null default now()
);

create index outbox_parked_event_aggregate on outbox_parked_event (aggregate_id, sequence_number);
