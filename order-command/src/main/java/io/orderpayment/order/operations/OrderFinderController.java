package io.orderpayment.order.operations;

import io.orderpayment.order.operations.OrderFinder.OrderSummary;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.List;

/** The console's questions about orders: which order is this, and which ones are stuck. */
@RestController
@RequestMapping(value = "/admin/orders", produces = MediaType.APPLICATION_JSON_VALUE)
class OrderFinderController {

    private final OrderFinder finder;

    OrderFinderController(OrderFinder finder) {
        this.finder = finder;
    }

    /** By order id, customer id or Idempotency-Key, at most {@value OrderFinder#MAX_RESULTS} orders, newest first. */
    @GetMapping(params = "q")
    List<OrderSummary> search(@RequestParam @NotBlank @Size(max = 255) String q) {
        return finder.search(q.trim());
    }

    /** PENDING orders placed more than {@code olderThanMinutes} ago, oldest first. */
    @GetMapping("/stuck")
    List<OrderSummary> stuck(@RequestParam(defaultValue = "5") @Min(0) @Max(30 * 24 * 60) int olderThanMinutes) {
        return finder.pendingOlderThan(Duration.ofMinutes(olderThanMinutes));
    }
}
