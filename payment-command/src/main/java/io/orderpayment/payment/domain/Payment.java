package io.orderpayment.payment.domain;

import io.orderpayment.api.Money;
import io.orderpayment.api.payment.AbandonPayment;
import io.orderpayment.api.payment.ChargePayment;
import io.orderpayment.api.payment.PaymentCompleted;
import io.orderpayment.api.payment.PaymentFailed;
import io.orderpayment.api.payment.PaymentFailureReason;
import io.orderpayment.api.payment.PaymentRefunded;
import io.orderpayment.api.payment.PaymentStatus;
import io.orderpayment.api.payment.RefundPayment;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.Clock;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One payment attempt of an order, event sourced; its id is a function of (order, attempt). It is
 * settled once, COMPLETED or FAILED, and a completed payment can be refunded once. Asking again to
 * settle a settled attempt changes nothing, which is what makes redelivered requests harmless.
 */
public class Payment {

    @AggregateIdentifier
    private String paymentId;
    private String orderId;
    private Money amount;
    private PaymentStatus status;
    private String chargeId;

    protected Payment() {
        // for Axon, which rebuilds the payment from its events or creates it on its first command
    }

    /**
     * Charges the attempt, unless its deadline has passed or its payment method is unknown. Before
     * such a refusal or a transient failure is recorded, the gateway is asked whether an earlier
     * delivery of this request was charged (the gateway answered, our commit did not happen): if so, that charge is the outcome,
     * and the attempt is completed rather than failed with the customer's money kept.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ChargePayment command, PaymentGateway gateway, Clock clock) {
        if (status != null) {
            return;
        }
        PaymentFailureReason failure = refusal(command, clock);
        if (failure == null) {
            PaymentGateway.ChargeResult result = gateway.charge(new PaymentGateway.Charge(
                    command.paymentId(), command.orderId(), command.paymentId(), command.paymentMethodToken(), command.amount(),
                    command.payBefore()));
            if (result.outcome() == ChargeOutcome.APPROVED) {
                complete(command, result.chargeId());
                return;
            }
            failure = reasonFor(result.outcome());
            if (!result.outcome().isTransient()) {
                // The gateway recorded this decline under the payment's key: no charge can be there.
                fail(command.paymentId(), command.orderId(), command.attempt(), command.amount(), failure);
                return;
            }
        }
        Optional<String> earlierCharge = gateway.approvedCharge(command.paymentId());
        if (earlierCharge.isPresent()) {
            complete(command, earlierCharge.get());
            return;
        }
        fail(command.paymentId(), command.orderId(), command.attempt(), command.amount(), failure);
    }

    /** Why the attempt must not be charged at all, or null. */
    private static PaymentFailureReason refusal(ChargePayment command, Clock clock) {
        if (!clock.instant().isBefore(command.payBefore())) {
            return PaymentFailureReason.DEADLINE_PASSED;
        }
        if (command.paymentMethodToken() == null) {
            return PaymentFailureReason.INVALID_PAYMENT_METHOD;
        }
        return null;
    }

    private static PaymentFailureReason reasonFor(ChargeOutcome outcome) {
        return switch (outcome) {
            case INSUFFICIENT_FUNDS -> PaymentFailureReason.INSUFFICIENT_FUNDS;
            case INVALID_PAYMENT_METHOD -> PaymentFailureReason.INVALID_PAYMENT_METHOD;
            case UNAVAILABLE -> PaymentFailureReason.GATEWAY_UNAVAILABLE;
            case ERROR -> PaymentFailureReason.GATEWAY_ERROR;
            case APPROVED -> throw new IllegalArgumentException("an approved charge is no failure");
        };
    }

    private static void complete(ChargePayment command, String chargeId) {
        apply(new PaymentCompleted(command.paymentId(), command.orderId(), command.attempt(), command.amount(), chargeId));
    }

    /**
     * A request that could not be processed may still have been charged before its processing
     * failed (the gateway answered, our commit did not happen): that charge goes back.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AbandonPayment command, PaymentGateway gateway) {
        if (status != null) {
            return;
        }
        gateway.approvedCharge(command.paymentId()).ifPresent(charge ->
                giveBack(gateway, command.paymentId(), command.orderId(), charge, command.amount()));
        fail(command.paymentId(), command.orderId(), command.attempt(), command.amount(), command.reason());
    }

    @CommandHandler
    public void handle(RefundPayment command, PaymentGateway gateway) {
        if (status != PaymentStatus.COMPLETED) {
            throw new PaymentNotRefundableException(paymentId, status);
        }
        String refundId = giveBack(gateway, paymentId, orderId, chargeId, amount);
        apply(new PaymentRefunded(paymentId, orderId, amount, refundId));
    }

    /** Refunds the charge under the payment's refund key; a refund the gateway cannot make now fails the command. */
    private static String giveBack(PaymentGateway gateway, String paymentId, String orderId, String chargeId, Money amount) {
        PaymentGateway.RefundResult refund = gateway.refund(
                new PaymentGateway.Refund(paymentId + "/refund", orderId, paymentId, chargeId, amount));
        if (!refund.refunded()) {
            throw new RefundNotPossibleException(paymentId, refund.failure());
        }
        return refund.refundId();
    }

    private static void fail(String paymentId, String orderId, int attempt, Money amount, PaymentFailureReason reason) {
        apply(new PaymentFailed(paymentId, orderId, attempt, amount, reason));
    }

    @EventSourcingHandler
    void on(PaymentCompleted event) {
        paymentId = event.paymentId();
        orderId = event.orderId();
        amount = event.amount();
        chargeId = event.chargeId();
        status = PaymentStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(PaymentFailed event) {
        paymentId = event.paymentId();
        orderId = event.orderId();
        amount = event.amount();
        status = PaymentStatus.FAILED;
    }

    @EventSourcingHandler
    void on(PaymentRefunded event) {
        status = PaymentStatus.REFUNDED;
    }
}
