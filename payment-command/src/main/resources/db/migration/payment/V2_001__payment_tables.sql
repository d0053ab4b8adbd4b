-- Customers' payment methods: our id for the gateway's token.
create table payment_method (
    payment_method_id varchar(64)  not null primary key,
    customer_id       varchar(255) not null,
    token             varchar(255) not null,
    created_at        timestamp(6) with time zone not null default now()
);

-- The read model behind GET /payments?orderId=.
create table payment_view (
    payment_id     varchar(64)    not null primary key,
    order_id       varchar(64)    not null,
    attempt        integer        not null,
    amount         numeric(19, 4) not null,
    currency       varchar(3)     not null,
    status         varchar(16)    not null,
    failure_reason varchar(32),
    created_at     timestamp(6) with time zone not null,
    updated_at     timestamp(6) with time zone not null
);
create index payment_view_by_order on payment_view (order_id, attempt);

-- The simulated gateway's own books: what the outside world saw. Written in transactions of its
-- own, as a real provider's would be, never rolled back with ours.
create table gateway_ledger (
    entry_id        varchar(64)    not null primary key,
    idempotency_key varchar(255)   not null unique,
    kind            varchar(8)     not null,
    outcome         varchar(32)    not null,
    order_id        varchar(64)    not null,
    payment_id      varchar(64)    not null,
    amount          numeric(19, 4) not null,
    currency        varchar(3)     not null,
    recorded_at     timestamp(6) with time zone not null default now()
);
create index gateway_ledger_by_order on gateway_ledger (order_id, recorded_at);
