package io.orderpayment.order.query;

import io.orderpayment.api.order.OrderCancelled;
import io.orderpayment.api.order.OrderConfirmed;
import io.orderpayment.api.order.OrderPaymentFailed;
import io.orderpayment.api.order.OrderPlaced;
import io.orderpayment.api.order.OrderRefunded;
import io.orderpayment.api.order.RefundRequested;
import io.orderpayment.api.order.PaymentRequested;
import lombok.RequiredArgsConstructor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps {@link OrderView} in step with the order's events. It runs in a subscribing processor, in
 * the transaction that stores the events: a client that reads right after a 202 sees its change.
 */
@Component
@ProcessingGroup(OrderProjection.PROCESSING_GROUP)
@RequiredArgsConstructor
public class OrderProjection {

    public static final String PROCESSING_GROUP = "order-view";

    private final OrderViewRepository views;

    @EventHandler
    void on(OrderPlaced event, @Timestamp Instant at) {
        views.save(OrderView.placed(event, at));
    }

    @EventHandler
    void on(PaymentRequested event, @Timestamp Instant at) {
        updated(event.orderId(), views.paymentRequested(event.orderId(), event.attempt(), at));
    }

    @EventHandler
    void on(OrderPaymentFailed event, @Timestamp Instant at) {
        updated(event.orderId(), views.paymentFailed(event.orderId(), event.reason(), at));
    }

    @EventHandler
    void on(RefundRequested event, @Timestamp Instant at) {
        updated(event.orderId(), views.refundRequested(event.orderId(), at));
    }

    @EventHandler
    void on(OrderRefunded event, @Timestamp Instant at) {
        updated(event.orderId(), views.refunded(event.orderId(), at));
    }

    @EventHandler
    void on(OrderConfirmed event, @Timestamp Instant at) {
        updated(event.orderId(), views.confirmed(event.orderId(), at));
    }

    @EventHandler
    void on(OrderCancelled event, @Timestamp Instant at) {
        updated(event.orderId(), views.cancelled(event.orderId(), event.reason(), at));
    }

    private static void updated(String orderId, int views) {
        if (views != 1) {
            throw new IllegalStateException("no view of order " + orderId + " to update");
        }
    }
}
