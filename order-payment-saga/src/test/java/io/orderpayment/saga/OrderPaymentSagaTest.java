package io.orderpayment.saga;

import io.orderpayment.api.Money;
import io.orderpayment.api.PaymentIds;
import io.orderpayment.api.order.CancelOrder;
import io.orderpayment.api.order.CancellationReason;
import io.orderpayment.api.order.OrderCancelled;
import io.orderpayment.api.order.OrderConfirmed;
import io.orderpayment.api.order.OrderLine;
import io.orderpayment.api.order.OrderPaid;
import io.orderpayment.api.order.OrderPaymentFailed;
import io.orderpayment.api.order.OrderPlaced;
import io.orderpayment.api.order.RefundRequested;
import io.orderpayment.api.order.RequestPayment;
import io.orderpayment.api.payment.PaymentFailureReason;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.orderpayment.saga.OrderPaymentSaga.NEXT_ATTEMPT;
import static io.orderpayment.saga.OrderPaymentSaga.PAYMENT_DEADLINE;

class OrderPaymentSagaTest {

    private static final String ORDER = "order-1";
    private static final Money TOTAL = new Money(new BigDecimal("25.00"), "EUR");
    private static final OrderPlaced PLACED = new OrderPlaced(ORDER, "customer-1", "pm-1",
            List.of(new OrderLine("book", 2, new BigDecimal("12.50"))), TOTAL);
    private static final Duration DEADLINE = Duration.ofMinutes(15);
    private static final Duration BACKOFF = Duration.ofSeconds(2);
    private static final Duration A_MOMENT = Duration.ofMillis(1);

    private static final Instant PLACED_AT = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant PAY_BEFORE = PLACED_AT.plus(DEADLINE);

    private final SagaTestFixture<OrderPaymentSaga> fixture = new SagaTestFixture<>(OrderPaymentSaga.class);

    @BeforeEach
    void policy() {
        fixture.registerResource(new PaymentPolicy(3, DEADLINE, BACKOFF));
    }

    @Nested
    class Placing {

        @Test
        void aPlacedOrderAsksForItsFirstPaymentAttemptAtOnce() throws Exception {
            fixture.givenCurrentTime(PLACED_AT)
                    .whenAggregate(ORDER).publishes(PLACED)
                    .expectActiveSagas(1)
                    .expectAssociationWith("orderId", ORDER)
                    .expectDispatchedCommands(new RequestPayment(ORDER, 1, PAY_BEFORE));
        }

        @Test
        void aPlacedOrderGetsAPaymentDeadline() throws Exception {
            fixture.givenCurrentTime(PLACED_AT)
                    .whenAggregate(ORDER).publishes(PLACED)
                    .expectScheduledDeadlineWithName(DEADLINE, PAYMENT_DEADLINE);
        }
    }

    @Nested
    class Paying {

        @Test
        void aCompletedPaymentIsTheOrdersToConfirmNotTheSagas() throws Exception {
            fixture.givenCurrentTime(PLACED_AT).andThenAggregate(ORDER).published(PLACED)
                    .whenAggregate(ORDER).publishes(paid(1))
                    .expectNoDispatchedCommands()
                    .expectActiveSagas(1);
        }

        @Test
        void confirmationEndsTheSagaAndItsDeadline() throws Exception {
            fixture.givenCurrentTime(PLACED_AT).andThenAggregate(ORDER).published(PLACED, paid(1))
                    .whenAggregate(ORDER).publishes(new OrderConfirmed(ORDER, PaymentIds.of(ORDER, 1)))
                    .expectActiveSagas(0)
                    .expectNoScheduledDeadlines()
                    .expectNoDispatchedCommands();
        }

        @Test
        void aConfirmedOrderIsNotCancelledWhenItsDeadlinePasses() throws Exception {
            fixture.givenCurrentTime(PLACED_AT).andThenAggregate(ORDER).published(PLACED, paid(1), new OrderConfirmed(ORDER, PaymentIds.of(ORDER, 1)))
                    .whenTimeElapses(DEADLINE.plus(A_MOMENT))
                    .expectNoDispatchedCommands()
                    .expectActiveSagas(0);
        }
    }

    @Nested
    class Failing {

        @Test
        void aHardDeclineCancelsAtOnce() throws Exception {
            fixture.givenCurrentTime(PLACED_AT).andThenAggregate(ORDER).published(PLACED)
                    .whenAggregate(ORDER).publishes(failed(1, PaymentFailureReason.INSUFFICIENT_FUNDS))
                    .expectDispatchedCommands(new CancelOrder(ORDER, CancellationReason.PAYMENT_DECLINED));
        }

        @Test
        void aRetryableFailureWaitsTheBackoffBeforeTheNextAttempt() throws Exception {
            fixture.givenCurrentTime(PLACED_AT).andThenAggregate(ORDER).published(PLACED)
                    .whenAggregate(ORDER).publishes(failed(1, PaymentFailureReason.GATEWAY_UNAVAILABLE))
                    .expectNoDispatchedCommands()
                    .expectScheduledDeadlineWithName(BACKOFF, NEXT_ATTEMPT);
        }

        @Test
        void pastTheBackoffTheNextAttemptIsRequested() throws Exception {
            fixture.givenCurrentTime(PLACED_AT).andThenAggregate(ORDER).published(PLACED, failed(1, PaymentFailureReason.GATEWAY_ERROR))
                    .whenTimeElapses(BACKOFF.plus(A_MOMENT))
                    .expectDispatchedCommands(new RequestPayment(ORDER, 2, PAY_BEFORE));
        }

        @Test
        void beforeTheBackoffHasPassedNothingIsRequested() throws Exception {
            fixture.givenCurrentTime(PLACED_AT).andThenAggregate(ORDER).published(PLACED, failed(1, PaymentFailureReason.GATEWAY_ERROR))
                    .whenTimeElapses(BACKOFF.minus(A_MOMENT))
                    .expectNoDispatchedCommands();
        }

        @Test
        void theBackoffDoublesForTheThirdAttempt() throws Exception {
            fixture.givenCurrentTime(PLACED_AT).andThenAggregate(ORDER).published(PLACED, failed(1, PaymentFailureReason.GATEWAY_ERROR))
                    .andThenTimeElapses(BACKOFF.plus(A_MOMENT))
                    .andThenAggregate(ORDER).published(failed(2, PaymentFailureReason.GATEWAY_ERROR))
                    .whenTimeElapses(BACKOFF.multipliedBy(2).plus(A_MOMENT))
                    .expectDispatchedCommands(new RequestPayment(ORDER, 3, PAY_BEFORE));
        }

        @Test
        void theLastAllowedAttemptFailingCancels() throws Exception {
            fixture.givenCurrentTime(PLACED_AT).andThenAggregate(ORDER).published(PLACED, failed(1, PaymentFailureReason.GATEWAY_ERROR))
                    .andThenTimeElapses(BACKOFF.plus(A_MOMENT))
                    .andThenAggregate(ORDER).published(failed(2, PaymentFailureReason.GATEWAY_ERROR))
                    .andThenTimeElapses(BACKOFF.multipliedBy(2).plus(A_MOMENT))
                    .whenAggregate(ORDER).publishes(failed(3, PaymentFailureReason.GATEWAY_ERROR))
                    .expectDispatchedCommands(new CancelOrder(ORDER, CancellationReason.PAYMENT_ATTEMPTS_EXHAUSTED))
                    .expectNoScheduledDeadlineWithName(BACKOFF.multipliedBy(4), NEXT_ATTEMPT);
        }

        @Test
        void aRequestThatExpiredUnreadIsAskedForAgain() throws Exception {
            // The payment service was stopped longer than the request's time-to-live, but not past the deadline.
            fixture.givenCurrentTime(PLACED_AT).andThenAggregate(ORDER).published(PLACED, failed(1, PaymentFailureReason.REQUEST_EXPIRED))
                    .whenTimeElapses(BACKOFF.plus(A_MOMENT))
                    .expectDispatchedCommands(new RequestPayment(ORDER, 2, PAY_BEFORE));
        }

        @Test
        void theLastAllowedRequestExpiringUnreadCancelsForTimeNotForFailedAttempts() throws Exception {
            fixture.givenCurrentTime(PLACED_AT).andThenAggregate(ORDER).published(PLACED)
                    .whenAggregate(ORDER).publishes(failed(3, PaymentFailureReason.REQUEST_EXPIRED))
                    .expectDispatchedCommands(new CancelOrder(ORDER, CancellationReason.PAYMENT_TIMEOUT));
        }

        @Test
        void aRequestRefusedForItsPassedDeadlineCancelsForTimeNotAsDeclined() throws Exception {
            fixture.givenCurrentTime(PLACED_AT).andThenAggregate(ORDER).published(PLACED)
                    .whenAggregate(ORDER).publishes(failed(1, PaymentFailureReason.DEADLINE_PASSED))
                    .expectDispatchedCommands(new CancelOrder(ORDER, CancellationReason.PAYMENT_TIMEOUT));
        }

        @Test
        void aRetryThatSucceedsEndsTheSaga() throws Exception {
            fixture.givenCurrentTime(PLACED_AT).andThenAggregate(ORDER).published(PLACED, failed(1, PaymentFailureReason.GATEWAY_UNAVAILABLE))
                    .andThenTimeElapses(BACKOFF.plus(A_MOMENT))
                    .andThenAggregate(ORDER).published(paid(2))
                    .whenAggregate(ORDER).publishes(new OrderConfirmed(ORDER, PaymentIds.of(ORDER, 2)))
                    .expectNoDispatchedCommands()
                    .expectActiveSagas(0)
                    .expectNoScheduledDeadlines();
        }
    }

    @Nested
    class Deadline {

        @Test
        void pastThePaymentDeadlineTheOrderIsCancelled() throws Exception {
            fixture.givenCurrentTime(PLACED_AT).andThenAggregate(ORDER).published(PLACED)
                    .whenTimeElapses(DEADLINE.plus(A_MOMENT))
                    .expectDispatchedCommands(new CancelOrder(ORDER, CancellationReason.PAYMENT_TIMEOUT));
        }

        @Test
        void beforeThePaymentDeadlineNothingHappens() throws Exception {
            fixture.givenCurrentTime(PLACED_AT).andThenAggregate(ORDER).published(PLACED)
                    .whenTimeElapses(DEADLINE.minus(A_MOMENT))
                    .expectNoDispatchedCommands()
                    .expectActiveSagas(1);
        }

        @Test
        void theDeadlineCountsFromPlacingNotFromTheLastAttempt() throws Exception {
            fixture.givenCurrentTime(PLACED_AT).andThenAggregate(ORDER).published(PLACED, failed(1, PaymentFailureReason.GATEWAY_UNAVAILABLE))
                    .andThenTimeElapses(BACKOFF.plus(A_MOMENT))
                    .whenTimeElapses(DEADLINE.minus(BACKOFF))
                    .expectDispatchedCommands(new CancelOrder(ORDER, CancellationReason.PAYMENT_TIMEOUT));
        }

        @Test
        void aLateCompletionAfterTheTimeoutIsAskedBackNotConfirmed() throws Exception {
            // The order turns a completion after cancellation into RefundRequested (OrderTest); the saga,
            // ended by the cancellation, must not confirm anything.
            fixture.givenCurrentTime(PLACED_AT).andThenAggregate(ORDER).published(PLACED)
                    .andThenTimeElapses(DEADLINE.plus(A_MOMENT))
                    .andThenAggregate(ORDER).published(new OrderCancelled(ORDER, CancellationReason.PAYMENT_TIMEOUT))
                    .whenAggregate(ORDER).publishes(new RefundRequested(ORDER, PaymentIds.of(ORDER, 1), TOTAL))
                    .expectActiveSagas(0)
                    .expectNoDispatchedCommands();
        }
    }

    @Nested
    class CustomerCancellation {

        @Test
        void endsTheSagaWithItsPendingRetryAndDeadline() throws Exception {
            fixture.givenCurrentTime(PLACED_AT).andThenAggregate(ORDER).published(PLACED, failed(1, PaymentFailureReason.GATEWAY_UNAVAILABLE))
                    .whenAggregate(ORDER).publishes(new OrderCancelled(ORDER, CancellationReason.CUSTOMER_REQUEST))
                    .expectActiveSagas(0)
                    .expectNoScheduledDeadlines()
                    .expectNoDispatchedCommands();
        }
    }

    private static OrderPaid paid(int attempt) {
        return new OrderPaid(ORDER, PaymentIds.of(ORDER, attempt), attempt, TOTAL);
    }

    private static OrderPaymentFailed failed(int attempt, PaymentFailureReason reason) {
        return new OrderPaymentFailed(ORDER, PaymentIds.of(ORDER, attempt), attempt, reason, reason.retryable());
    }
}
