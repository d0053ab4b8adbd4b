package io.orderpayment.order.domain;

import io.orderpayment.api.Money;
import io.orderpayment.api.PaymentIds;
import io.orderpayment.api.order.CancelOrder;
import io.orderpayment.api.order.ConfirmOrder;
import io.orderpayment.api.order.OrderCancelled;
import io.orderpayment.api.order.OrderConfirmed;
import io.orderpayment.api.order.OrderPlaced;
import io.orderpayment.api.order.OrderStatus;
import io.orderpayment.api.order.PaymentRequested;
import io.orderpayment.api.order.PlaceOrder;
import io.orderpayment.api.order.RequestPayment;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An order, event sourced. It moves from PENDING to CONFIRMED or CANCELLED, and only once:
 * commands that would repeat what already happened change nothing.
 */
public class Order {

    @AggregateIdentifier
    private String orderId;
    private String customerId;
    private String paymentMethodId;
    private Money total;
    private OrderStatus status;
    private int paymentAttempts;

    protected Order() {
        // for Axon, which rebuilds the order from its events
    }

    @CommandHandler
    public Order(PlaceOrder command) {
        Money total = OrderValidation.totalOf(command);
        apply(new OrderPlaced(command.orderId(), command.customerId(), command.paymentMethodId(),
                command.items(), total));
    }

    @CommandHandler
    public void handle(RequestPayment command) {
        requirePending();
        if (command.attempt() <= paymentAttempts) {
            return;
        }
        if (command.attempt() != paymentAttempts + 1) {
            throw new IllegalArgumentException("order " + orderId + " has had " + paymentAttempts
                    + " payment attempts; the next is " + (paymentAttempts + 1) + ", not " + command.attempt());
        }
        apply(new PaymentRequested(orderId, PaymentIds.of(orderId, command.attempt()), command.attempt(),
                customerId, paymentMethodId, total, command.payBefore()));
    }

    @CommandHandler
    public void handle(ConfirmOrder command) {
        if (status == OrderStatus.CONFIRMED) {
            return;
        }
        requirePending();
        apply(new OrderConfirmed(orderId, command.paymentId()));
    }

    @CommandHandler
    public void handle(CancelOrder command) {
        if (status == OrderStatus.CANCELLED) {
            return;
        }
        if (status == OrderStatus.CONFIRMED) {
            throw new OrderAlreadyConfirmedException(orderId);
        }
        apply(new OrderCancelled(orderId, command.reason()));
    }

    private void requirePending() {
        if (status != OrderStatus.PENDING) {
            throw new OrderNotPendingException(orderId, status);
        }
    }

    @EventSourcingHandler
    void on(OrderPlaced event) {
        orderId = event.orderId();
        customerId = event.customerId();
        paymentMethodId = event.paymentMethodId();
        total = event.total();
        status = OrderStatus.PENDING;
    }

    @EventSourcingHandler
    void on(PaymentRequested event) {
        paymentAttempts = event.attempt();
    }

    @EventSourcingHandler
    void on(OrderConfirmed event) {
        status = OrderStatus.CONFIRMED;
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        status = OrderStatus.CANCELLED;
    }
}
