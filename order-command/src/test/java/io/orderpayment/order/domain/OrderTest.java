package io.orderpayment.order.domain;

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
import io.orderpayment.api.order.OrderRefunded;
import io.orderpayment.api.order.PaymentRequested;
import io.orderpayment.api.order.PlaceOrder;
import io.orderpayment.api.order.RecordCompletedPayment;
import io.orderpayment.api.order.RecordFailedPayment;
import io.orderpayment.api.order.RecordRefund;
import io.orderpayment.api.order.RefundRequested;
import io.orderpayment.api.order.RequestPayment;
import io.orderpayment.api.payment.PaymentFailureReason;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

class OrderTest {

    private static final String ORDER = "order-1";
    private static final Instant DEADLINE = Instant.parse("2026-11-24T10:15:00Z");
    private static final List<OrderLine> TWO_LINES = List.of(
            new OrderLine("book", 2, new BigDecimal("12.50")),
            new OrderLine("pen", 3, new BigDecimal("1.99")));
    private static final OrderPlaced PLACED = new OrderPlaced(ORDER, "customer-1", "pm-1", TWO_LINES,
            new Money(new BigDecimal("30.97"), "EUR"));

    private final AggregateTestFixture<Order> fixture = new AggregateTestFixture<>(Order.class);

    private static PlaceOrder place(List<OrderLine> items, String currency) {
        return new PlaceOrder(ORDER, "customer-1", "pm-1", items, currency);
    }

    @Nested
    class Placing {

        @Test
        void aValidOrderIsPlacedWithItsTotal() {
            fixture.givenNoPriorActivity()
                    .when(place(TWO_LINES, "EUR"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(PLACED);
        }

        @Test
        void aCurrencyWithoutMinorUnitsKeepsWholeAmounts() {
            List<OrderLine> yen = List.of(new OrderLine("tea", 3, new BigDecimal("450")));
            fixture.givenNoPriorActivity()
                    .when(place(yen, "JPY"))
                    .expectEvents(new OrderPlaced(ORDER, "customer-1", "pm-1", yen, new Money(new BigDecimal("1350"), "JPY")));
        }

        @Test
        void freeItemsAreAllowed() {
            List<OrderLine> free = List.of(new OrderLine("sample", 1, BigDecimal.ZERO));
            fixture.givenNoPriorActivity()
                    .when(place(free, "EUR"))
                    .expectEvents(new OrderPlaced(ORDER, "customer-1", "pm-1",
                            List.of(new OrderLine("sample", 1, new BigDecimal("0.00"))), new Money(new BigDecimal("0.00"), "EUR")));
        }

        @Test
        void pricesAreKeptInTheCurrencysMinorUnitsHoweverTheyWereWritten() {
            List<OrderLine> written = List.of(new OrderLine("book", 1, new BigDecimal("12.5")),
                    new OrderLine("lamp", 1, new BigDecimal("1E+2")), new OrderLine("sample", 1, new BigDecimal("0E-999999999")));
            fixture.givenNoPriorActivity()
                    .when(place(written, "EUR"))
                    .expectEvents(new OrderPlaced(ORDER, "customer-1", "pm-1", List.of(
                            new OrderLine("book", 1, new BigDecimal("12.50")), new OrderLine("lamp", 1, new BigDecimal("100.00")),
                            new OrderLine("sample", 1, new BigDecimal("0.00"))), new Money(new BigDecimal("112.50"), "EUR")));
        }

        @Test
        void theLargestOrderAllowedIsPlaced() {
            List<OrderLine> largest = java.util.stream.IntStream.range(0, OrderValidation.MAX_ITEMS)
                    .mapToObj(i -> new OrderLine("p" + i, OrderValidation.MAX_QUANTITY, OrderValidation.MAX_UNIT_PRICE))
                    .toList();
            fixture.givenNoPriorActivity()
                    .when(place(largest, "JPY"))
                    .expectEvents(new OrderPlaced(ORDER, "customer-1", "pm-1", largest,
                            new Money(new BigDecimal("1000000000000"), "JPY")));
        }

        @Test
        void quantitiesPricesAndItemsBeyondTheirBoundsAreRejectedWithoutWritingTheNumbersOut() {
            expectRejected(place(List.of(new OrderLine("book", 10_001, BigDecimal.ONE)), "EUR"),
                    "items[0].quantity must be at most 10000, was 10001");
            expectRejected(place(List.of(new OrderLine("book", 1, new BigDecimal("1000000.01"))), "EUR"),
                    "items[0].unitPrice must be at most 1000000, was 1000000.01");
            expectRejected(place(List.of(new OrderLine("book", 1, new BigDecimal("1e999999999"))), "EUR"),
                    "items[0].unitPrice must be at most 1000000, was 1E+999999999");
            expectRejected(place(List.of(new OrderLine("book", 1, new BigDecimal("1e-999999999"))), "EUR"),
                    "items[0].unitPrice 1E-999999999 has more decimals than EUR allows (2)");
            expectRejected(place(java.util.Collections.nCopies(101, new OrderLine("book", 1, BigDecimal.ONE)), "EUR"),
                    "items: an order has at most 100 items, not 101");
        }

        @Test
        void anOrderWithoutItemsIsRejected() {
            expectRejected(place(List.of(), "EUR"), "an order needs at least one item");
            expectRejected(place(null, "EUR"), "an order needs at least one item");
        }

        @Test
        void aZeroOrNegativeQuantityIsRejected() {
            expectRejected(place(List.of(new OrderLine("book", 0, BigDecimal.ONE)), "EUR"),
                    "items[0].quantity must be positive, was 0");
            expectRejected(place(List.of(new OrderLine("book", -2, BigDecimal.ONE)), "EUR"),
                    "items[0].quantity must be positive, was -2");
        }

        @Test
        void aNegativePriceIsRejected() {
            expectRejected(place(List.of(new OrderLine("book", 1, new BigDecimal("-0.01"))), "EUR"),
                    "items[0].unitPrice must not be negative, was -0.01");
        }

        @Test
        void aPriceFinerThanTheCurrencyAllowsIsRejected() {
            expectRejected(place(List.of(new OrderLine("book", 1, new BigDecimal("1.005"))), "EUR"),
                    "items[0].unitPrice 1.005 has more decimals than EUR allows (2)");
        }

        @Test
        void anUnknownCurrencyIsRejected() {
            expectRejected(place(TWO_LINES, "EUX"), "currency 'EUX' is not a known ISO 4217 code");
            expectRejected(place(TWO_LINES, "XXX"), "currency 'XXX' is not a currency one can pay in");
            expectRejected(place(TWO_LINES, null), "currency is required");
        }

        @Test
        void aMissingPaymentMethodOrCustomerIsRejected() {
            expectRejected(new PlaceOrder(ORDER, "customer-1", " ", TWO_LINES, "EUR"), "paymentMethodId is required");
            expectRejected(new PlaceOrder(ORDER, null, "pm-1", TWO_LINES, "EUR"), "customerId is required");
        }

        @Test
        void everyViolationIsReportedAtOnce() {
            expectRejected(new PlaceOrder(ORDER, "customer-1", "", List.of(new OrderLine("", -1, null)), "EUR"),
                    "paymentMethodId is required; items[0].productId is required; "
                            + "items[0].quantity must be positive, was -1; items[0].unitPrice is required");
        }

        private void expectRejected(PlaceOrder command, String message) {
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectException(InvalidOrderException.class)
                    .expectExceptionMessage(message)
                    .expectNoEvents();
        }
    }

    @Nested
    class RequestingPayment {

        @Test
        void theFirstAttemptAsksForTheOrderTotal() {
            fixture.given(PLACED)
                    .when(new RequestPayment(ORDER, 1, DEADLINE))
                    .expectEvents(new PaymentRequested(ORDER, PaymentIds.of(ORDER, 1), 1, "customer-1", "pm-1",
                            PLACED.total(), DEADLINE));
        }

        @Test
        void requestingAnAttemptAgainChangesNothing() {
            fixture.given(PLACED, requested(1))
                    .when(new RequestPayment(ORDER, 1, DEADLINE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void attemptsComeInOrder() {
            fixture.given(PLACED, requested(1))
                    .when(new RequestPayment(ORDER, 3, DEADLINE))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void aCancelledOrderTakesNoPayment() {
            fixture.given(PLACED, new OrderCancelled(ORDER, CancellationReason.CUSTOMER_REQUEST))
                    .when(new RequestPayment(ORDER, 1, DEADLINE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aPaidOrderAsksForNoFurtherAttempt() {
            fixture.given(PLACED, requested(1), paid(1), confirmed(1))
                    .when(new RequestPayment(ORDER, 2, DEADLINE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class RecordingPaymentOutcomes {

        @Test
        void aCompletedPaymentPaysAndConfirmsThePendingOrderInOneCommand() {
            fixture.given(PLACED, requested(1))
                    .when(new RecordCompletedPayment(ORDER, PaymentIds.of(ORDER, 1), 1, PLACED.total()))
                    .expectEvents(paid(1), confirmed(1));
        }

        @Test
        void theSameCompletionTwiceIsRecordedOnce() {
            fixture.given(PLACED, requested(1), paid(1), confirmed(1))
                    .when(new RecordCompletedPayment(ORDER, PaymentIds.of(ORDER, 1), 1, PLACED.total()))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aPaymentCompletingAfterCancellationIsAskedBack() {
            fixture.given(PLACED, requested(1), new OrderCancelled(ORDER, CancellationReason.PAYMENT_TIMEOUT))
                    .when(new RecordCompletedPayment(ORDER, PaymentIds.of(ORDER, 1), 1, PLACED.total()))
                    .expectEvents(new RefundRequested(ORDER, PaymentIds.of(ORDER, 1), PLACED.total()));
        }

        @Test
        void aLateCompletionIsAskedBackOnlyOnce() {
            fixture.given(PLACED, requested(1), new OrderCancelled(ORDER, CancellationReason.PAYMENT_TIMEOUT),
                            new RefundRequested(ORDER, PaymentIds.of(ORDER, 1), PLACED.total()))
                    .when(new RecordCompletedPayment(ORDER, PaymentIds.of(ORDER, 1), 1, PLACED.total()))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aSecondPaymentOfAPaidOrderIsAskedBack() {
            fixture.given(PLACED, requested(1), requested(2), paid(2), confirmed(2))
                    .when(new RecordCompletedPayment(ORDER, PaymentIds.of(ORDER, 1), 1, PLACED.total()))
                    .expectEvents(new RefundRequested(ORDER, PaymentIds.of(ORDER, 1), PLACED.total()));
        }

        @Test
        void aFailedAttemptIsRecordedWithItsReason() {
            fixture.given(PLACED, requested(1))
                    .when(new RecordFailedPayment(ORDER, PaymentIds.of(ORDER, 1), 1,
                            PaymentFailureReason.GATEWAY_UNAVAILABLE, true))
                    .expectEvents(new OrderPaymentFailed(ORDER, PaymentIds.of(ORDER, 1), 1,
                            PaymentFailureReason.GATEWAY_UNAVAILABLE, true));
        }

        @Test
        void theSameFailureTwiceIsRecordedOnce() {
            fixture.given(PLACED, requested(1), failed(1))
                    .when(new RecordFailedPayment(ORDER, PaymentIds.of(ORDER, 1), 1,
                            PaymentFailureReason.GATEWAY_UNAVAILABLE, true))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aFailureOfAnEarlierAttemptChangesNothing() {
            fixture.given(PLACED, requested(1), failed(1), requested(2))
                    .when(new RecordFailedPayment(ORDER, PaymentIds.of(ORDER, 1), 1,
                            PaymentFailureReason.REQUEST_EXPIRED, true))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aFailureAfterTheOrderEndedChangesNothing() {
            fixture.given(PLACED, requested(1), new OrderCancelled(ORDER, CancellationReason.PAYMENT_TIMEOUT))
                    .when(new RecordFailedPayment(ORDER, PaymentIds.of(ORDER, 1), 1,
                            PaymentFailureReason.REQUEST_EXPIRED, true))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aRefundIsRecordedOnce() {
            OrderRefunded refunded = new OrderRefunded(ORDER, PaymentIds.of(ORDER, 1), PLACED.total());
            fixture.given(PLACED, requested(1), new OrderCancelled(ORDER, CancellationReason.PAYMENT_TIMEOUT),
                            new RefundRequested(ORDER, PaymentIds.of(ORDER, 1), PLACED.total()))
                    .when(new RecordRefund(ORDER, PaymentIds.of(ORDER, 1), PLACED.total()))
                    .expectEvents(refunded);
            fixture.given(PLACED, requested(1), refunded)
                    .when(new RecordRefund(ORDER, PaymentIds.of(ORDER, 1), PLACED.total()))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class Confirming {

        @Test
        void aRetryThatSucceedsConfirms() {
            fixture.given(PLACED, requested(1), failed(1), requested(2))
                    .when(new RecordCompletedPayment(ORDER, PaymentIds.of(ORDER, 2), 2, PLACED.total()))
                    .expectEvents(paid(2), confirmed(2));
        }

        @Test
        void anEarlierAttemptCompletingAfterTheNextWasRequestedConfirms() {
            fixture.given(PLACED, requested(1), requested(2))
                    .when(new RecordCompletedPayment(ORDER, PaymentIds.of(ORDER, 1), 1, PLACED.total()))
                    .expectEvents(paid(1), confirmed(1));
        }

        @Test
        void aCancelledOrderIsNotConfirmedByALatePayment() {
            fixture.given(PLACED, requested(1), new OrderCancelled(ORDER, CancellationReason.CUSTOMER_REQUEST))
                    .when(new RecordCompletedPayment(ORDER, PaymentIds.of(ORDER, 1), 1, PLACED.total()))
                    .expectEvents(new RefundRequested(ORDER, PaymentIds.of(ORDER, 1), PLACED.total()));
        }
    }

    @Nested
    class Cancelling {

        @Test
        void aPendingOrderIsCancelledWithTheReason() {
            fixture.given(PLACED)
                    .when(new CancelOrder(ORDER, CancellationReason.CUSTOMER_REQUEST))
                    .expectEvents(new OrderCancelled(ORDER, CancellationReason.CUSTOMER_REQUEST));
        }

        @Test
        void cancellingTwiceChangesNothing() {
            fixture.given(PLACED, new OrderCancelled(ORDER, CancellationReason.CUSTOMER_REQUEST))
                    .when(new CancelOrder(ORDER, CancellationReason.PAYMENT_TIMEOUT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        // Paid but PENDING happened when the saga confirmed orders in a command of its own; such orders
        // may still be in a store written before orders confirmed themselves.
        @Test
        void aPaidButUnconfirmedOrderIsCancelledByItsCustomerAndItsPaymentAskedBack() {
            fixture.given(PLACED, requested(1), paid(1))
                    .when(new CancelOrder(ORDER, CancellationReason.CUSTOMER_REQUEST))
                    .expectEvents(new OrderCancelled(ORDER, CancellationReason.CUSTOMER_REQUEST),
                            new RefundRequested(ORDER, PaymentIds.of(ORDER, 1), PLACED.total()));
        }

        @Test
        void aPaidButUnconfirmedOrderIsConfirmedWhenItsDeadlineFiresForThePaymentWins() {
            fixture.given(PLACED, requested(1), paid(1))
                    .when(new CancelOrder(ORDER, CancellationReason.PAYMENT_TIMEOUT))
                    .expectEvents(confirmed(1));
        }

        @Test
        void aDeadlineFiringAfterConfirmationChangesNothing() {
            fixture.given(PLACED, requested(1), paid(1), confirmed(1))
                    .when(new CancelOrder(ORDER, CancellationReason.PAYMENT_TIMEOUT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aConfirmedOrderCannotBeCancelled() {
            fixture.given(PLACED, requested(1), paid(1), confirmed(1))
                    .when(new CancelOrder(ORDER, CancellationReason.CUSTOMER_REQUEST))
                    .expectException(OrderAlreadyConfirmedException.class)
                    .expectNoEvents();
        }
    }

    private static OrderPaid paid(int attempt) {
        return new OrderPaid(ORDER, PaymentIds.of(ORDER, attempt), attempt, PLACED.total());
    }

    private static OrderConfirmed confirmed(int attempt) {
        return new OrderConfirmed(ORDER, PaymentIds.of(ORDER, attempt));
    }

    private static OrderPaymentFailed failed(int attempt) {
        return new OrderPaymentFailed(ORDER, PaymentIds.of(ORDER, attempt), attempt,
                PaymentFailureReason.GATEWAY_UNAVAILABLE, true);
    }

    private static PaymentRequested requested(int attempt) {
        return new PaymentRequested(ORDER, PaymentIds.of(ORDER, attempt), attempt, "customer-1", "pm-1",
                PLACED.total(), DEADLINE);
    }
}
