package io.orderpayment.payment.application;

import io.orderpayment.api.Money;
import io.orderpayment.payment.domain.ChargeOutcome;
import io.orderpayment.payment.domain.PaymentGateway;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RetryingPaymentGatewayTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final PaymentGateway.Charge CHARGE = new PaymentGateway.Charge("pay-1", "order-1", "pay-1", "tok_ok",
            new Money(BigDecimal.TEN, "EUR"), NOW.plusSeconds(60));
    private static final PaymentGateway.Refund REFUND = new PaymentGateway.Refund("pay-1/refund", "order-1", "pay-1", "ch_1",
            new Money(BigDecimal.TEN, "EUR"));

    @Test
    void aTransientFailureIsTriedAgainUntilTheGatewayAnswers() {
        AnsweringGateway gateway = new AnsweringGateway(ChargeOutcome.UNAVAILABLE, ChargeOutcome.ERROR, ChargeOutcome.APPROVED);

        PaymentGateway.ChargeResult result = new RetryingPaymentGateway(gateway, 3, Duration.ZERO, CLOCK).charge(CHARGE);

        assertThat(result.outcome()).isEqualTo(ChargeOutcome.APPROVED);
        assertThat(gateway.calls).isEqualTo(3);
    }

    @Test
    void triesAreBoundedAndTheLastTransientFailureIsTheAnswer() {
        AnsweringGateway gateway = new AnsweringGateway(ChargeOutcome.ERROR, ChargeOutcome.ERROR, ChargeOutcome.ERROR,
                ChargeOutcome.APPROVED);

        PaymentGateway.ChargeResult result = new RetryingPaymentGateway(gateway, 3, Duration.ZERO, CLOCK).charge(CHARGE);

        assertThat(result.outcome()).isEqualTo(ChargeOutcome.ERROR);
        assertThat(gateway.calls).isEqualTo(3);
    }

    @Test
    void aHardDeclineIsNotTriedAgain() {
        AnsweringGateway gateway = new AnsweringGateway(ChargeOutcome.INSUFFICIENT_FUNDS, ChargeOutcome.APPROVED);

        PaymentGateway.ChargeResult result = new RetryingPaymentGateway(gateway, 3, Duration.ZERO, CLOCK).charge(CHARGE);

        assertThat(result.outcome()).isEqualTo(ChargeOutcome.INSUFFICIENT_FUNDS);
        assertThat(gateway.calls).isEqualTo(1);
    }

    @Test
    void aChargeIsNotTriedAgainWhenItsDeadlineWouldPassBeforeTheNextTry() {
        AnsweringGateway gateway = new AnsweringGateway(ChargeOutcome.UNAVAILABLE, ChargeOutcome.APPROVED);
        PaymentGateway.Charge dueSoon = new PaymentGateway.Charge("pay-1", "order-1", "pay-1", "tok_ok",
                new Money(BigDecimal.TEN, "EUR"), NOW.plusMillis(50));

        PaymentGateway.ChargeResult result = new RetryingPaymentGateway(gateway, 3, Duration.ofMillis(100), CLOCK).charge(dueSoon);

        assertThat(result.outcome()).isEqualTo(ChargeOutcome.UNAVAILABLE);
        assertThat(gateway.calls).isEqualTo(1);
    }

    @Test
    void aRefundIsTriedAgainWhileTheGatewayIsUnavailable() {
        AnsweringGateway gateway = new AnsweringGateway(ChargeOutcome.UNAVAILABLE, ChargeOutcome.APPROVED);

        PaymentGateway.RefundResult result = new RetryingPaymentGateway(gateway, 3, Duration.ZERO, CLOCK).refund(REFUND);

        assertThat(result.refunded()).isTrue();
        assertThat(gateway.calls).isEqualTo(2);
    }

    /** Answers each call with the next outcome of its script. */
    private static final class AnsweringGateway implements PaymentGateway {

        private final Deque<ChargeOutcome> answers;
        int calls;

        AnsweringGateway(ChargeOutcome... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public ChargeResult charge(Charge charge) {
            calls++;
            ChargeOutcome outcome = answers.pop();
            return outcome == ChargeOutcome.APPROVED ? ChargeResult.approved("ch_1") : ChargeResult.of(outcome);
        }

        @Override
        public RefundResult refund(Refund refund) {
            calls++;
            ChargeOutcome outcome = answers.pop();
            return outcome == ChargeOutcome.APPROVED ? RefundResult.refunded("re_1") : RefundResult.failed(outcome);
        }

        @Override
        public Optional<String> approvedCharge(String idempotencyKey) {
            return Optional.empty();
        }
    }
}
