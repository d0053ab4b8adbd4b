package io.orderpayment.order.operations;

import io.orderpayment.saga.OrderPaymentSaga;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What an operator asks of orders: find one however the customer names it (order id, customer id,
 * or the Idempotency-Key the customer's client sent), and list the PENDING ones that have waited
 * too long, with when their saga acts next.
 * <p>
 * The next deadline is the earlier of the saga's two (payment deadline, next attempt): the saga's
 * state names them by id, and db-scheduler keeps them under its deadline task's name.
 */
public class OrderFinder {

    /** The most orders one answer lists: a customer with thousands of orders is paged by the public API. */
    static final int MAX_RESULTS = 100;

    /**
     * Each order's saga is looked up by the order's id, in a lateral subquery that {@code offset 0}
     * keeps apart: as a join, PostgreSQL planned it on statistics older than a burst of PENDING
     * orders as a scan of every association for every order (docs/adr/0031).
     */
    private static final String SELECT = """
            select o.order_id, o.customer_id, o.status, o.total_amount, o.currency, o.payment_attempts,
                   o.last_payment_failure, o.cancellation_reason, o.created_at, o.updated_at,
                   (select min(t.execution_time) from scheduled_tasks t
                    where t.task_name = ? and t.task_instance in (s.state ->> 'paymentDeadlineId',
                                                                  s.state ->> 'nextAttemptDeadlineId')) as next_deadline
            from order_view o
            left join lateral (select a.saga_id from association_value_entry a
                               where a.saga_type = ? and a.association_key = 'orderId' and a.association_value = o.order_id
                               offset 0) a on true
            left join lateral (select convert_from(e.serialized_saga, 'UTF8')::jsonb as state
                               from saga_entry e where e.saga_id = a.saga_id) s on true
            """;

    /** Parameters: the deadline task's name, the saga's type, placed before, at most. */
    public static final String PENDING_OLDER_THAN = SELECT + """
            where o.status = 'PENDING' and o.created_at < ?
            order by o.created_at, o.order_id
            limit ?""";

    private static final RowMapper<OrderSummary> SUMMARY = (row, n) -> new OrderSummary(
            row.getString("order_id"), row.getString("customer_id"), row.getString("status"),
            row.getBigDecimal("total_amount"), row.getString("currency"), row.getInt("payment_attempts"),
            row.getString("last_payment_failure"), row.getString("cancellation_reason"),
            instant(row.getTimestamp("created_at")), instant(row.getTimestamp("updated_at")),
            instant(row.getTimestamp("next_deadline")));

    private final JdbcTemplate jdbc;
    private final String deadlineTask;

    OrderFinder(JdbcTemplate jdbc, String deadlineTask) {
        this.jdbc = jdbc;
        this.deadlineTask = deadlineTask;
    }

    /**
     * Orders whose id or customer id is {@code text}, or that a customer's {@code text} Idempotency-Key
     * placed; newest first. One index lookup each (a union, where an OR would read every order).
     */
    List<OrderSummary> search(String text) {
        return jdbc.query(SELECT + """
                        where o.order_id in (select ?::varchar
                                             union all select v.order_id from order_view v where v.customer_id = ?
                                             union all select k.order_id from idempotency_key k where k.idempotency_key = ?)
                        order by o.created_at desc, o.order_id desc
                        limit ?""",
                SUMMARY, deadlineTask, OrderPaymentSaga.class.getName(), text, text, text, MAX_RESULTS);
    }

    /** PENDING orders placed more than {@code age} ago, the oldest first. */
    List<OrderSummary> pendingOlderThan(Duration age) {
        return jdbc.query(PENDING_OLDER_THAN, SUMMARY, deadlineTask, OrderPaymentSaga.class.getName(),
                Timestamp.from(Instant.now().minus(age)), MAX_RESULTS);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** @param nextDeadline when the saga acts next on its own (retry or give up); null when it waits for nothing */
    record OrderSummary(String orderId, String customerId, String status, BigDecimal totalAmount, String currency,
                        int paymentAttempts, String lastPaymentFailure, String cancellationReason,
                        Instant createdAt, Instant updatedAt, Instant nextDeadline) {
    }
}
