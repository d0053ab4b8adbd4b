package io.orderpayment.order.web;

import io.orderpayment.api.order.OrderStatus;
import io.orderpayment.order.application.OrderCancellation;
import io.orderpayment.order.application.OrderPlacement;
import io.orderpayment.order.application.PlacedOrder;
import io.orderpayment.order.query.OrderView;
import io.orderpayment.order.query.OrderViewRepository;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import lombok.RequiredArgsConstructor;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.Optional;

@RestController
@RequestMapping(value = "/orders", produces = MediaType.APPLICATION_JSON_VALUE)
@RequiredArgsConstructor
class OrderController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final OrderPlacement placement;
    private final OrderCancellation cancellation;
    private final OrderViewRepository views;

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OrderAccepted> place(
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
            @Parameter(schema = @Schema(minLength = 1, maxLength = InvalidIdempotencyKeyException.MAX_LENGTH)) String idempotencyKey,
            @Valid @RequestBody PlaceOrderRequest request) {
        PlacedOrder placed = placement.place(request.toNewOrder(), checked(idempotencyKey));
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{id}").buildAndExpand(placed.orderId()).toUri();
        return ResponseEntity.accepted()
                .location(location)
                .header("Idempotent-Replayed", String.valueOf(placed.replayed()))
                .body(new OrderAccepted(placed.orderId(), statusOf(placed)));
    }

    @GetMapping("/{orderId}")
    OrderResponse get(@PathVariable String orderId) {
        return OrderResponse.of(view(orderId));
    }

    @GetMapping
    OrderPage list(@RequestParam @NotBlank String customerId,
                   @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                   @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return OrderPage.of(views.findByCustomerIdOrderByCreatedAtDescOrderIdDesc(customerId, PageRequest.of(page, size)));
    }

    @PostMapping("/{orderId}/cancel")
    ResponseEntity<OrderAccepted> cancel(@PathVariable String orderId) {
        try {
            cancellation.cancel(orderId);
        } catch (AggregateNotFoundException e) {
            throw new OrderNotFoundException(orderId);
        }
        return ResponseEntity.accepted().body(new OrderAccepted(orderId, view(orderId).getStatus()));
    }

    /**
     * Checked here rather than by a constraint on the parameter, which would name the Java parameter
     * in the error instead of the header the client sent, and turn on Spring's method validation for
     * the whole request.
     */
    private static Optional<String> checked(String idempotencyKey) {
        if (idempotencyKey != null
                && (idempotencyKey.isEmpty() || idempotencyKey.length() > InvalidIdempotencyKeyException.MAX_LENGTH)) {
            throw new InvalidIdempotencyKeyException();
        }
        return Optional.ofNullable(idempotencyKey);
    }

    /** A new order is PENDING (its view was written in the same transaction); a replayed one may have moved on. */
    private OrderStatus statusOf(PlacedOrder placed) {
        return placed.replayed() ? view(placed.orderId()).getStatus() : OrderStatus.PENDING;
    }

    private OrderView view(String orderId) {
        return views.findById(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
    }
}
