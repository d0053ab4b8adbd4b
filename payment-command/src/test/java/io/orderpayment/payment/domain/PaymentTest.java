package io.orderpayment.payment.domain;

import io.orderpayment.api.Money;
import io.orderpayment.api.payment.AbandonPayment;
import io.orderpayment.api.payment.ChargePayment;
import io.orderpayment.api.payment.PaymentCompleted;
import io.orderpayment.api.payment.PaymentFailed;
import io.orderpayment.api.payment.PaymentFailureReason;
import io.orderpayment.api.payment.PaymentRefunded;
import io.orderpayment.api.payment.RefundPayment;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final String PAYMENT = "pay-1";
    private static final String ORDER = "order-1";
    private static final Money AMOUNT = new Money(new BigDecimal("25.00"), "EUR");

    private final ScriptedGateway gateway = new ScriptedGateway();
    private AggregateTestFixture<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
        fixture.registerInjectableResource(gateway);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static ChargePayment charge(String token) {
        return new ChargePayment(PAYMENT, ORDER, 1, AMOUNT, token, NOW.plusSeconds(60));
    }

    private static PaymentCompleted completed() {
        return new PaymentCompleted(PAYMENT, ORDER, 1, AMOUNT, "ch_1");
    }

    private static PaymentFailed failed(PaymentFailureReason reason) {
        return new PaymentFailed(PAYMENT, ORDER, 1, AMOUNT, reason);
    }

    @Test
    void anApprovedChargeCompletesThePayment() {
        gateway.chargeAnswer = PaymentGateway.ChargeResult.approved("ch_1");

        fixture.givenNoPriorActivity()
                .when(charge("tok_ok"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(completed());
        assertThat(gateway.charges).singleElement().satisfies(charge -> {
            assertThat(charge.idempotencyKey()).isEqualTo(PAYMENT);
            assertThat(charge.amount()).isEqualTo(AMOUNT);
            assertThat(charge.paymentMethodToken()).isEqualTo("tok_ok");
        });
    }

    @Test
    void aHardDeclineFailsThePaymentForGood() {
        gateway.chargeAnswer = PaymentGateway.ChargeResult.of(ChargeOutcome.INSUFFICIENT_FUNDS);

        fixture.givenNoPriorActivity()
                .when(charge("tok_insufficient_funds"))
                .expectEvents(new PaymentFailed(PAYMENT, ORDER, 1, AMOUNT, PaymentFailureReason.INSUFFICIENT_FUNDS, false));
    }

    @Test
    void aTransientFailureFailsThisAttemptAsRetryable() {
        gateway.chargeAnswer = PaymentGateway.ChargeResult.of(ChargeOutcome.ERROR);

        fixture.givenNoPriorActivity()
                .when(charge("tok_gateway_error"))
                .expectEvents(new PaymentFailed(PAYMENT, ORDER, 1, AMOUNT, PaymentFailureReason.GATEWAY_ERROR, true));
    }

    @Test
    void anUnavailableGatewayFailsThisAttemptAsRetryable() {
        gateway.chargeAnswer = PaymentGateway.ChargeResult.of(ChargeOutcome.UNAVAILABLE);

        fixture.givenNoPriorActivity()
                .when(charge("tok_ok"))
                .expectEvents(new PaymentFailed(PAYMENT, ORDER, 1, AMOUNT, PaymentFailureReason.GATEWAY_UNAVAILABLE, true));
    }

    @Test
    void anUnknownPaymentMethodIsDeclinedWithoutCallingTheGateway() {
        fixture.givenNoPriorActivity()
                .when(charge(null))
                .expectEvents(failed(PaymentFailureReason.INVALID_PAYMENT_METHOD));
        assertThat(gateway.charges).isEmpty();
    }

    @Test
    void aRequestPastItsDeadlineIsNeverCharged() {
        fixture.givenNoPriorActivity()
                .when(new ChargePayment(PAYMENT, ORDER, 1, AMOUNT, "tok_ok", NOW))
                .expectEvents(new PaymentFailed(PAYMENT, ORDER, 1, AMOUNT, PaymentFailureReason.DEADLINE_PASSED, false));
        assertThat(gateway.charges).isEmpty();
    }

    @Test
    void aRequestPastItsDeadlineThatAnEarlierDeliveryChargedIsCompletedWithThatCharge() {
        gateway.approvedCharge = Optional.of("ch_earlier");

        fixture.givenNoPriorActivity()
                .when(new ChargePayment(PAYMENT, ORDER, 1, AMOUNT, "tok_ok", NOW))
                .expectEvents(new PaymentCompleted(PAYMENT, ORDER, 1, AMOUNT, "ch_earlier"));
        assertThat(gateway.charges).isEmpty();
    }

    @Test
    void aTransientFailureAfterAnEarlierDeliveryWasChargedCompletesWithThatCharge() {
        gateway.chargeAnswer = PaymentGateway.ChargeResult.of(ChargeOutcome.UNAVAILABLE);
        gateway.approvedCharge = Optional.of("ch_earlier");

        fixture.givenNoPriorActivity()
                .when(charge("tok_ok"))
                .expectEvents(new PaymentCompleted(PAYMENT, ORDER, 1, AMOUNT, "ch_earlier"));
    }

    @Test
    void chargingASettledPaymentAgainChangesNothing() {
        fixture.given(completed())
                .when(charge("tok_ok"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(failed(PaymentFailureReason.INSUFFICIENT_FUNDS))
                .when(charge("tok_ok"))
                .expectNoEvents();
        assertThat(gateway.charges).isEmpty();
    }

    @Test
    void aCompletedPaymentIsRefundedWithItsOwnIdempotencyKey() {
        fixture.given(completed())
                .when(new RefundPayment(PAYMENT))
                .expectEvents(new PaymentRefunded(PAYMENT, ORDER, AMOUNT, "re_1"));
        assertThat(gateway.refunds).singleElement().satisfies(refund -> {
            assertThat(refund.chargeId()).isEqualTo("ch_1");
            assertThat(refund.amount()).isEqualTo(AMOUNT);
            assertThat(refund.idempotencyKey()).isNotEqualTo(PAYMENT);
        });
    }

    @Test
    void aPaymentIsRefundedOnlyOnce() {
        fixture.given(completed(), new PaymentRefunded(PAYMENT, ORDER, AMOUNT, "re_1"))
                .when(new RefundPayment(PAYMENT))
                .expectException(PaymentNotRefundableException.class)
                .expectNoEvents();
        assertThat(gateway.refunds).isEmpty();
    }

    @Test
    void aFailedPaymentHasNothingToRefund() {
        fixture.given(failed(PaymentFailureReason.INSUFFICIENT_FUNDS))
                .when(new RefundPayment(PAYMENT))
                .expectException(PaymentNotRefundableException.class)
                .expectNoEvents();
    }

    @Test
    void aRefundTheGatewayCannotMakeNowFailsTheCommandSoItIsTriedAgain() {
        gateway.refundAnswer = PaymentGateway.RefundResult.failed(ChargeOutcome.UNAVAILABLE);

        fixture.given(completed())
                .when(new RefundPayment(PAYMENT))
                .expectException(RefundNotPossibleException.class)
                .expectNoEvents();
    }

    @Test
    void anAbandonedRequestFailsWithItsReason() {
        fixture.givenNoPriorActivity()
                .when(new AbandonPayment(PAYMENT, ORDER, 1, AMOUNT, PaymentFailureReason.REQUEST_EXPIRED))
                .expectEvents(new PaymentFailed(PAYMENT, ORDER, 1, AMOUNT, PaymentFailureReason.REQUEST_EXPIRED, true));
        assertThat(gateway.refunds).isEmpty();
    }

    @Test
    void anAbandonedRequestThatWasChargedGetsItsMoneyBack() {
        gateway.approvedCharge = Optional.of("ch_1");

        fixture.givenNoPriorActivity()
                .when(new AbandonPayment(PAYMENT, ORDER, 1, AMOUNT, PaymentFailureReason.REQUEST_REJECTED))
                .expectEvents(new PaymentFailed(PAYMENT, ORDER, 1, AMOUNT, PaymentFailureReason.REQUEST_REJECTED, true));
        assertThat(gateway.refunds).singleElement().satisfies(refund -> assertThat(refund.chargeId()).isEqualTo("ch_1"));
    }

    @Test
    void abandoningASettledPaymentChangesNothing() {
        fixture.given(completed())
                .when(new AbandonPayment(PAYMENT, ORDER, 1, AMOUNT, PaymentFailureReason.REQUEST_REJECTED))
                .expectNoEvents();
        assertThat(gateway.refunds).isEmpty();
    }

    /** A gateway that answers what the test says and remembers what it was asked. */
    static class ScriptedGateway implements PaymentGateway {

        ChargeResult chargeAnswer = ChargeResult.approved("ch_1");
        RefundResult refundAnswer = RefundResult.refunded("re_1");
        Optional<String> approvedCharge = Optional.empty();
        final List<Charge> charges = new ArrayList<>();
        final List<Refund> refunds = new ArrayList<>();

        @Override
        public ChargeResult charge(Charge charge) {
            charges.add(charge);
            return chargeAnswer;
        }

        @Override
        public RefundResult refund(Refund refund) {
            refunds.add(refund);
            return refundAnswer;
        }

        @Override
        public Optional<String> approvedCharge(String idempotencyKey) {
            return approvedCharge;
        }
    }
}
