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
        view(event.orderId()).paymentRequested(event.attempt(), at);
    }

    @EventHandler
    void on(OrderPaymentFailed event, @Timestamp Instant at) {
        view(event.orderId()).paymentFailed(event.reason(), at);
    }

    @EventHandler
    void on(RefundRequested event, @Timestamp Instant at) {
        view(event.orderId()).refundRequested(at);
    }

    @EventHandler
    void on(OrderRefunded event, @Timestamp Instant at) {
        view(event.orderId()).refunded(at);
    }

    @EventHandler
    void on(OrderConfirmed event, @Timestamp Instant at) {
        view(event.orderId()).confirmed(at);
    }

    @EventHandler
    void on(OrderCancelled event, @Timestamp Instant at) {
        view(event.orderId()).cancelled(event.reason(), at);
    }

    private OrderView view(String orderId) {
        return views.findById(orderId)
                .orElseThrow(() -> new IllegalStateException("no view of order " + orderId + " to update"));
    }
}
