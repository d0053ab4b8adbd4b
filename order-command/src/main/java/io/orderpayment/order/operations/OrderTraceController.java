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
import java.util.Map;

/**
 * The one place to look when a customer asks "where is my order?": the order's events and its
 * payments' events, from the event stores of both services, in time order. If the payment service
 * cannot be asked, the order's own events still come, with a note of what is missing. Beside it, the
 * gateway's ledger of the order: what the outside world saw of its money.
 */
@RestController
class OrderTraceController {

    private static final Logger log = LoggerFactory.getLogger(OrderTraceController.class);

    private final EventHistory orderEvents;
    private final PaymentServiceAdminApi paymentService;

    OrderTraceController(EventHistory orderEvents, PaymentServiceAdminApi paymentService) {
        this.orderEvents = orderEvents;
        this.paymentService = paymentService;
    }

    @GetMapping("/admin/orders/{orderId}/history")
    OrderTrace history(@PathVariable String orderId) {
        List<HistoryEntry> order = orderEvents.of(List.of(orderId));
        if (order.isEmpty()) {
            throw new OrderNotFoundException(orderId);
        }
        try {
            List<HistoryEntry> payments = paymentService.forOrder(orderId);
            return new OrderTrace(orderId, List.of(), EventHistory.merge(List.of(order, payments)));
        } catch (RestClientException e) {
            log.warn("Order history without payment events: the payment service did not answer ({})", e.getMessage());
            return new OrderTrace(orderId, List.of("payment-service: " + e.getMessage()), order);
        }
    }

    /**
     * What the gateway recorded of the order: charges and refunds, declined ones too. Empty, with a note
     * in {@code missing}, when the payment service cannot be asked.
     */
    @GetMapping("/admin/orders/{orderId}/ledger")
    GatewayLedger ledger(@PathVariable String orderId) {
        try {
            return new GatewayLedger(orderId, List.of(), paymentService.ledger(orderId));
        } catch (RestClientException e) {
            log.warn("Gateway ledger not read: the payment service did not answer ({})", e.getMessage());
            return new GatewayLedger(orderId, List.of("payment-service: " + e.getMessage()), List.of());
        }
    }

    record GatewayLedger(String orderId, List<String> missing, List<Map<String, Object>> entries) {
    }

    /** @param missing the sources that could not be read, empty when the history is complete */
    record OrderTrace(String orderId, List<String> missing, List<HistoryEntry> events) {
    }
}
