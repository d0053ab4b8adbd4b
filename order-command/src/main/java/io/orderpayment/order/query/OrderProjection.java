package io.orderpayment.order.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.orderpayment.api.order.OrderCancelled;
import io.orderpayment.api.order.OrderConfirmed;
import io.orderpayment.api.order.OrderPaymentFailed;
import io.orderpayment.api.order.OrderPlaced;
import io.orderpayment.api.order.OrderRefunded;
import io.orderpayment.api.order.OrderStatus;
import io.orderpayment.api.order.PaymentRequested;
import io.orderpayment.api.order.RefundRequested;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Keeps {@link OrderView} in step with the order's events. It runs in a subscribing processor, in
 * the transaction that stores the events: a client that reads right after a 202 sees its change.
 * <p>
 * It writes with one SQL statement per event, as the payment service's projection does, and never
 * loads a view: through JPA, loading the view (its items are JSON) and checking it for changes cost
 * more than the rest of the event's handling, and even a JPQL update is translated anew on every
 * call. JPA only reads the views.
 * <p>
 * The view is also where an order's placing and its confirmation meet: the time between them is
 * recorded ({@code orders_confirmation_seconds}, a histogram) once the confirmation is committed.
 */
@Component
@ProcessingGroup(OrderProjection.PROCESSING_GROUP)
public class OrderProjection {

    public static final String PROCESSING_GROUP = "order-view";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Timer placedToConfirmed;

    public OrderProjection(JdbcTemplate jdbc, ObjectMapper json, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.json = json;
        this.placedToConfirmed = Timer.builder("orders.confirmation")
                .description("From the order placed (POST /orders) to CONFIRMED")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofMinutes(30))
                .register(meters);
    }

    @EventHandler
    void on(OrderPlaced event, @Timestamp Instant at) {
        jdbc.update("""
                        insert into order_view (order_id, customer_id, status, total_amount, currency, items,
                                                payment_attempts, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?::jsonb, 0, ?, ?)""",
                event.orderId(), event.customerId(), OrderStatus.PENDING.name(), event.total().amount(),
                event.total().currency(), itemsAsJson(event), sqlTime(at), sqlTime(at));
    }

    @EventHandler
    void on(PaymentRequested event, @Timestamp Instant at) {
        update(event.orderId(), at, "payment_attempts = ?", event.attempt());
    }

    @EventHandler
    void on(OrderPaymentFailed event, @Timestamp Instant at) {
        update(event.orderId(), at, "last_payment_failure = ?", event.reason().name());
    }

    /** A refund that is already REFUNDED stays so when its request is seen again. */
    @EventHandler
    void on(RefundRequested event, @Timestamp Instant at) {
        update(event.orderId(), at, "refund_status = coalesce(refund_status, ?)", RefundStatus.REQUESTED.name());
    }

    @EventHandler
    void on(OrderRefunded event, @Timestamp Instant at) {
        update(event.orderId(), at, "refund_status = ?", RefundStatus.REFUNDED.name());
    }

    @EventHandler
    void on(OrderConfirmed event, @Timestamp Instant at) {
        Instant placedAt = jdbc.query("update order_view set status = ?, updated_at = ? where order_id = ? returning created_at",
                row -> row.next() ? row.getTimestamp(1).toInstant() : null,
                OrderStatus.CONFIRMED.name(), sqlTime(at), event.orderId());
        if (placedAt == null) {
            throw new IllegalStateException("no view of order " + event.orderId() + " to update");
        }
        Duration waited = Duration.between(placedAt, at);
        // Not for a confirmation rolled back (and tried again).
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(committed -> placedToConfirmed.record(waited)));
    }

    @EventHandler
    void on(OrderCancelled event, @Timestamp Instant at) {
        update(event.orderId(), at, "status = ?, cancellation_reason = ?", OrderStatus.CANCELLED.name(),
                event.reason().name());
    }

    /** Sets {@code assignments}, whose parameters are {@code values}, and the time of the change. */
    private void update(String orderId, Instant at, String assignments, Object... values) {
        Object[] parameters = Arrays.copyOf(values, values.length + 2);
        parameters[values.length] = sqlTime(at);
        parameters[values.length + 1] = orderId;
        if (jdbc.update("update order_view set " + assignments + ", updated_at = ? where order_id = ?", parameters) != 1) {
            throw new IllegalStateException("no view of order " + orderId + " to update");
        }
    }

    private String itemsAsJson(OrderPlaced event) {
        try {
            return json.writeValueAsString(event.items());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("order lines of " + event.orderId() + " not writable as JSON", e);
        }
    }

    private static java.sql.Timestamp sqlTime(Instant at) {
        return java.sql.Timestamp.from(at);
    }
}
