package io.orderpayment.order.operations;

import io.orderpayment.operations.events.EventHistory;
import io.orderpayment.operations.events.HistoryEntry;
import io.orderpayment.order.web.OrderNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClientException;

import java.util.List;

/**
 * The one place to look when a customer asks "where is my order?": the order's events and its
 * payments' events, from the event stores of both services, in time order. If the payment service
 * cannot be asked, the order's own events still come, with a note of what is missing.
 */
@RestController
class OrderTraceController {

    private static final Logger log = LoggerFactory.getLogger(OrderTraceController.class);

    private final EventHistory orderEvents;
    private final PaymentServiceEvents paymentEvents;

    OrderTraceController(EventHistory orderEvents, PaymentServiceEvents paymentEvents) {
        this.orderEvents = orderEvents;
        this.paymentEvents = paymentEvents;
    }

    @GetMapping("/admin/orders/{orderId}/history")
    OrderTrace history(@PathVariable String orderId) {
        List<HistoryEntry> order = orderEvents.of(List.of(orderId));
        if (order.isEmpty()) {
            throw new OrderNotFoundException(orderId);
        }
        try {
            List<HistoryEntry> payments = paymentEvents.forOrder(orderId);
            return new OrderTrace(orderId, List.of(), EventHistory.merge(List.of(order, payments)));
        } catch (RestClientException e) {
            log.warn("Order history without payment events: the payment service did not answer ({})", e.getMessage());
            return new OrderTrace(orderId, List.of("payment-service: " + e.getMessage()), order);
        }
    }

    /** @param missing the sources that could not be read, empty when the history is complete */
    record OrderTrace(String orderId, List<String> missing, List<HistoryEntry> events) {
    }
}
