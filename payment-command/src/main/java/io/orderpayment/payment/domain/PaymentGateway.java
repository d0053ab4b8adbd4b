package io.orderpayment.payment.domain;

import io.orderpayment.api.Money;

import java.time.Instant;
import java.util.Optional;

/**
 * The payment provider, as the payment service sees it. Every call carries an idempotency key: the
 * same key returns the first call's result and moves no money again.
 */
public interface PaymentGateway {

    ChargeResult charge(Charge charge);

    RefundResult refund(Refund refund);

    /** The id of the approved charge made with this idempotency key, if the gateway made one. */
    Optional<String> approvedCharge(String idempotencyKey);

    /** {@code notAfter}: no try of this charge may start later (the payment's deadline). */
    record Charge(String idempotencyKey, String orderId, String paymentId, String paymentMethodToken, Money amount,
                  Instant notAfter) {
    }

    record Refund(String idempotencyKey, String orderId, String paymentId, String chargeId, Money amount) {
    }

    /** {@code chargeId} is set when approved. */
    record ChargeResult(ChargeOutcome outcome, String chargeId) {

        public static ChargeResult approved(String chargeId) {
            return new ChargeResult(ChargeOutcome.APPROVED, chargeId);
        }

        public static ChargeResult of(ChargeOutcome outcome) {
            return new ChargeResult(outcome, null);
        }
    }

    /** {@code refundId} is set when the money went back. */
    record RefundResult(boolean refunded, String refundId, ChargeOutcome failure) {

        public static RefundResult refunded(String refundId) {
            return new RefundResult(true, refundId, null);
        }

        public static RefundResult failed(ChargeOutcome failure) {
            return new RefundResult(false, null, failure);
        }
    }
}
