package io.orderpayment.saga;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.orderpayment.api.order.CancelOrder;
import io.orderpayment.api.order.CancellationReason;
import io.orderpayment.api.order.OrderCancelled;
import io.orderpayment.api.order.OrderConfirmed;
import io.orderpayment.api.order.OrderPaymentFailed;
import io.orderpayment.api.order.OrderPlaced;
import io.orderpayment.api.order.RequestPayment;
import io.orderpayment.api.payment.PaymentFailureReason;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Sees one order through its payment attempts until it is CONFIRMED or CANCELLED. It owns what only
 * it can do, time: the attempts, the backoff between them and the payment deadline. A completed
 * payment is not its business: the Order aggregate, which decides about money, confirms itself
 * when one is recorded (docs/adr/0007). The saga reads only the order's own events and acts only
 * through commands on the order and through persistent deadlines:
 * <ul>
 *   <li>the payment deadline, set when the order is placed, cancels with PAYMENT_TIMEOUT;</li>
 *   <li>the next-attempt deadline, set after a retryable failure, asks for the next attempt.</li>
 * </ul>
 * It ends when the order is final, cancelling the deadlines it set.
 * The order's commands are idempotent and never fail because the order moved on meanwhile, so
 * the saga does not need to know whether a customer or a late outcome got there first.
 * <p>
 * Its fields are stored as JSON by the Jackson serializer, which sees them through
 * {@link JsonAutoDetect}; without it the saga would be stored empty and lose its state.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class OrderPaymentSaga {

    private static final Logger log = LoggerFactory.getLogger(OrderPaymentSaga.class);

    static final String PAYMENT_DEADLINE = "payment-deadline";
    static final String NEXT_ATTEMPT = "next-payment-attempt";

    private String orderId;
    private Instant payBefore;
    // The operator's list of stuck orders reads these two by name from the stored saga (OrderFinder).
    private String paymentDeadlineId;
    private String nextAttemptDeadlineId;

    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(OrderPlaced event, @Timestamp Instant placedAt, PaymentPolicy policy,
                   CommandGateway commands, DeadlineManager deadlines) {
        orderId = event.orderId();
        payBefore = placedAt.plus(policy.paymentDeadline());
        paymentDeadlineId = deadlines.schedule(payBefore, PAYMENT_DEADLINE, new PaymentDeadline(orderId, payBefore));
        log.info("Order placed: requesting payment attempt 1, to be paid before {}", payBefore);
        commands.sendAndWait(new RequestPayment(orderId, 1, payBefore));
    }

    @SagaEventHandler(associationProperty = "orderId")
    public void on(OrderPaymentFailed event, PaymentPolicy policy, CommandGateway commands,
                   DeadlineManager deadlines) {
        if (event.reason() == PaymentFailureReason.DEADLINE_PASSED) {
            cancel(CancellationReason.PAYMENT_TIMEOUT, commands);
        } else if (!event.retryable()) {
            cancel(CancellationReason.PAYMENT_DECLINED, commands);
        } else if (event.attempt() >= policy.maxAttempts()) {
            // Requests that expired unread were never tried: the payment service was away too long.
            cancel(event.reason() == PaymentFailureReason.REQUEST_EXPIRED
                    ? CancellationReason.PAYMENT_TIMEOUT : CancellationReason.PAYMENT_ATTEMPTS_EXHAUSTED, commands);
        } else {
            int next = event.attempt() + 1;
            log.info("Payment attempt {} failed ({}): attempt {} in {}", event.attempt(), event.reason(), next,
                    policy.pauseBefore(next));
            nextAttemptDeadlineId = deadlines.schedule(policy.pauseBefore(next), NEXT_ATTEMPT, new NextAttempt(orderId, next));
        }
    }

    @DeadlineHandler(deadlineName = NEXT_ATTEMPT)
    public void nextAttemptDue(NextAttempt due, CommandGateway commands) {
        nextAttemptDeadlineId = null;
        log.info("Requesting payment attempt {}", due.attempt());
        commands.sendAndWait(new RequestPayment(orderId, due.attempt(), payBefore));
    }

    @DeadlineHandler(deadlineName = PAYMENT_DEADLINE)
    public void paymentDeadlinePassed(PaymentDeadline passed, CommandGateway commands) {
        paymentDeadlineId = null;
        cancel(CancellationReason.PAYMENT_TIMEOUT, commands);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(OrderConfirmed event, DeadlineManager deadlines) {
        cancelDeadlines(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(OrderCancelled event, DeadlineManager deadlines) {
        cancelDeadlines(deadlines);
    }

    /**
     * The deadlines' payloads; a deadline handler's first parameter is its payload. They carry the
     * order id so that the log lines of a deadline's handling name the order. Pending deadlines are
     * stored with these class names and the deadline names above: see StoredNamesTest before renaming.
     */
    record PaymentDeadline(String orderId, Instant payBefore) {
    }

    record NextAttempt(String orderId, int attempt) {
    }

    private void cancel(CancellationReason reason, CommandGateway commands) {
        log.info("Cancelling the order: {}", reason);
        commands.sendAndWait(new CancelOrder(orderId, reason));
    }

    /** By id: cancelling "all within scope" would make the persistent scheduler read every pending deadline. */
    private void cancelDeadlines(DeadlineManager deadlines) {
        if (paymentDeadlineId != null) {
            deadlines.cancelSchedule(PAYMENT_DEADLINE, paymentDeadlineId);
        }
        if (nextAttemptDeadlineId != null) {
            deadlines.cancelSchedule(NEXT_ATTEMPT, nextAttemptDeadlineId);
        }
    }
}
