package io.orderpayment.payment.operations;

import io.orderpayment.operations.events.EventHistory;
import io.orderpayment.operations.events.HistoryEntry;
import io.orderpayment.payment.query.PaymentView;
import io.orderpayment.payment.query.PaymentViews;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The events of every payment of one order, from the payment service's event store, in time order;
 * the order service merges them into the operator's order history. Empty while the order has no
 * payment yet.
 */
@RestController
class PaymentEventsController {

    private final PaymentViews payments;
    private final EventHistory history;

    PaymentEventsController(PaymentViews payments, EventHistory history) {
        this.payments = payments;
        this.history = history;
    }

    @GetMapping("/admin/orders/{orderId}/events")
    List<HistoryEntry> events(@PathVariable String orderId) {
        return history.of(payments.forOrder(orderId).stream().map(PaymentView::paymentId).toList());
    }
}
