package io.orderpayment.order.web;

import io.orderpayment.operations.events.EventHistory;
import io.orderpayment.operations.events.HistoryEntry;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * An order's events from the order service's event store, in order: placed, each payment attempt
 * and its outcome, the end, and any refund. What to look at when a customer asks what happened.
 */
@RestController
@RequiredArgsConstructor
class OrderHistoryController {

    private final EventHistory history;

    @GetMapping("/orders/{orderId}/history")
    List<HistoryEntry> history(@PathVariable String orderId) {
        List<HistoryEntry> entries = history.of(List.of(orderId));
        if (entries.isEmpty()) {
            throw new OrderNotFoundException(orderId);
        }
        return entries;
    }
}
