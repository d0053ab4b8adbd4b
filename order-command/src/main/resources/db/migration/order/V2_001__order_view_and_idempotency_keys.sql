create table order_view (
    order_id            varchar(64)    not null primary key,
    customer_id         varchar(255)   not null,
    status              varchar(16)    not null,
    total_amount        numeric(19, 4) not null,
    currency            varchar(3)     not null,
    items               jsonb          not null,
    payment_attempts    integer        not null,
    cancellation_reason varchar(64),
    created_at          timestamp(6) with time zone not null,
    updated_at          timestamp(6) with time zone not null
);
create index order_view_by_customer on order_view (customer_id, created_at desc, order_id desc);

-- Which order each customer's Idempotency-Key produced, and a digest of the request that did.
create table idempotency_key (
    customer_id         varchar(255) not null,
    idempotency_key     varchar(255) not null,
    request_fingerprint varchar(64)  not null,
    order_id            varchar(64)  not null,
    created_at          timestamp(6) with time zone not null default now(),
    primary key (customer_id, idempotency_key)
);
