package io.orderpayment.order.domain;

import io.orderpayment.api.Money;
import io.orderpayment.api.PaymentIds;
import io.orderpayment.api.order.CancelOrder;
import io.orderpayment.api.order.CancellationReason;
import io.orderpayment.api.order.OrderCancelled;
import io.orderpayment.api.order.OrderConfirmed;
import io.orderpayment.api.order.OrderPaid;
import io.orderpayment.api.order.OrderPaymentFailed;
import io.orderpayment.api.order.OrderPlaced;
import io.orderpayment.api.order.OrderRefunded;
import io.orderpayment.api.order.OrderStatus;
import io.orderpayment.api.order.PaymentRequested;
import io.orderpayment.api.order.PlaceOrder;
import io.orderpayment.api.order.RecordCompletedPayment;
import io.orderpayment.api.order.RecordFailedPayment;
import io.orderpayment.api.order.RecordRefund;
import io.orderpayment.api.order.RefundRequested;
import io.orderpayment.api.order.RequestPayment;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An order, event sourced. It moves from PENDING to CONFIRMED or CANCELLED, and only once: it
 * confirms itself when a completed payment is recorded while it is PENDING. Commands that would
 * repeat what already happened, or that arrive after the order became final, change nothing: the
 * saga and the inbound payment events may race each other and the customer, and none of those races
 * may fail. The one rule that always holds: money the order does not keep for a CONFIRMED order is
 * asked back.
 */
public class Order {

    @AggregateIdentifier
    private String orderId;
    private String customerId;
    private String paymentMethodId;
    private Money total;
    private OrderStatus status;
    private int paymentAttempts;
    private int failedAttempts;
    /** The completed payment the order keeps; null until one completes. */
    private String paidWith;
    private Money paidAmount;
    private final Set<String> refundsRequested = new HashSet<>();
    private final Set<String> refunded = new HashSet<>();

    protected Order() {
        // for Axon, which rebuilds the order from its events
    }

    @CommandHandler
    public Order(PlaceOrder command) {
        OrderValidation.ValidOrder order = OrderValidation.validate(command);
        apply(new OrderPlaced(command.orderId(), command.customerId(), command.paymentMethodId(),
                order.items(), order.total()));
    }

    @CommandHandler
    public void handle(RequestPayment command) {
        if (status != OrderStatus.PENDING || paidWith != null || command.attempt() <= paymentAttempts) {
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
    public void handle(RecordCompletedPayment command) {
        String paymentId = command.paymentId();
        if (paymentId.equals(paidWith) || refundsRequested.contains(paymentId)) {
            return;
        }
        if (status == OrderStatus.PENDING && paidWith == null) {
            apply(new OrderPaid(orderId, paymentId, command.attempt(), command.amount()));
            apply(new OrderConfirmed(orderId, paymentId));
        } else {
            // Cancelled, or already paid by another attempt: this money is not needed.
            apply(new RefundRequested(orderId, paymentId, command.amount()));
        }
    }

    @CommandHandler
    public void handle(RecordFailedPayment command) {
        if (status != OrderStatus.PENDING || paidWith != null
                || command.attempt() != paymentAttempts || command.attempt() <= failedAttempts) {
            return;
        }
        apply(new OrderPaymentFailed(orderId, command.paymentId(), command.attempt(), command.reason(),
                command.retryable()));
    }

    @CommandHandler
    public void handle(RecordRefund command) {
        if (refunded.contains(command.paymentId())) {
            return;
        }
        apply(new OrderRefunded(orderId, command.paymentId(), command.amount()));
    }

    @CommandHandler
    public void handle(CancelOrder command) {
        boolean byCustomer = command.reason() == CancellationReason.CUSTOMER_REQUEST;
        if (status == OrderStatus.CONFIRMED && byCustomer) {
            throw new OrderAlreadyConfirmedException(orderId);
        }
        if (status != OrderStatus.PENDING) {
            return;
        }
        if (paidWith != null && !byCustomer) {
            // Paid but PENDING: recorded before orders confirmed themselves, when the saga confirmed
            // them in a command of its own. The payment completed first, so it wins now.
            apply(new OrderConfirmed(orderId, paidWith));
            return;
        }
        apply(new OrderCancelled(orderId, command.reason()));
        if (paidWith != null) {
            apply(new RefundRequested(orderId, paidWith, paidAmount));
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
    void on(OrderPaid event) {
        paidWith = event.paymentId();
        paidAmount = event.amount();
    }

    @EventSourcingHandler
    void on(OrderPaymentFailed event) {
        failedAttempts = event.attempt();
    }

    @EventSourcingHandler
    void on(RefundRequested event) {
        refundsRequested.add(event.paymentId());
    }

    @EventSourcingHandler
    void on(OrderRefunded event) {
        refunded.add(event.paymentId());
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
