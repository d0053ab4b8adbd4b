-- The saga audit (SagaAudit) looks at PENDING orders every minute; they are few among all orders.
create index order_view_pending on order_view (created_at) where status = 'PENDING';
