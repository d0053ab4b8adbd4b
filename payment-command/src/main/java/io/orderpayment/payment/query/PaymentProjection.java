package io.orderpayment.payment.query;

import io.orderpayment.api.Money;
import io.orderpayment.api.payment.PaymentCompleted;
import io.orderpayment.api.payment.PaymentFailed;
import io.orderpayment.api.payment.PaymentRefunded;
import io.orderpayment.api.payment.PaymentStatus;
import lombok.RequiredArgsConstructor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps the payment view in step with the payments' events, in the transaction that stores them
 * (a subscribing processor): what GET /payments shows is what happened.
 */
@Component
@ProcessingGroup(PaymentProjection.PROCESSING_GROUP)
@RequiredArgsConstructor
public class PaymentProjection {

    public static final String PROCESSING_GROUP = "payment-view";

    private final JdbcTemplate jdbc;

    @EventHandler
    void on(PaymentCompleted event, @Timestamp Instant at) {
        insert(event.paymentId(), event.orderId(), event.attempt(), event.amount(), PaymentStatus.COMPLETED, null, at);
    }

    @EventHandler
    void on(PaymentFailed event, @Timestamp Instant at) {
        insert(event.paymentId(), event.orderId(), event.attempt(), event.amount(), PaymentStatus.FAILED,
                event.reason().name(), at);
    }

    @EventHandler
    void on(PaymentRefunded event, @Timestamp Instant at) {
        int updated = jdbc.update("update payment_view set status = ?, updated_at = ? where payment_id = ?",
                PaymentStatus.REFUNDED.name(), sqlTime(at), event.paymentId());
        if (updated != 1) {
            throw new IllegalStateException("no view of payment " + event.paymentId() + " to mark refunded");
        }
    }

    private void insert(String paymentId, String orderId, int attempt, Money amount, PaymentStatus status,
                        String failureReason, Instant at) {
        jdbc.update("""
                        insert into payment_view
                            (payment_id, order_id, attempt, amount, currency, status, failure_reason, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                paymentId, orderId, attempt, amount.amount(), amount.currency(), status.name(), failureReason,
                sqlTime(at), sqlTime(at));
    }

    private static java.sql.Timestamp sqlTime(Instant at) {
        return java.sql.Timestamp.from(at);
    }
}
