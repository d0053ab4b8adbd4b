package io.orderpayment.payment.gateway;

import io.orderpayment.payment.domain.ChargeOutcome;
import io.orderpayment.payment.domain.PaymentGateway;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * A payment provider that behaves like a real one: it answers after its latency, remembers every
 * idempotency key in its ledger, and decides by the payment method's token:
 * {@code tok_ok} is approved, {@code tok_insufficient_funds} declined, {@code tok_gateway_error}
 * fails transiently on every call, any other token is an invalid payment method. During an outage
 * every call fails as unavailable.
 */
public class SimulatedPaymentGateway implements PaymentGateway {

    public static final String APPROVED_TOKEN = "tok_ok";
    public static final String INSUFFICIENT_FUNDS_TOKEN = "tok_insufficient_funds";
    public static final String GATEWAY_ERROR_TOKEN = "tok_gateway_error";

    private final GatewaySimulation simulation;
    private final GatewayLedger ledger;

    public SimulatedPaymentGateway(GatewaySimulation simulation, GatewayLedger ledger) {
        this.simulation = simulation;
        this.ledger = ledger;
    }

    @Override
    public ChargeResult charge(Charge charge) {
        if (!respond()) {
            return ChargeResult.of(ChargeOutcome.UNAVAILABLE);
        }
        Optional<GatewayLedger.Entry> earlier = ledger.find(charge.idempotencyKey());
        if (earlier.isPresent()) {
            return asChargeResult(earlier.get());
        }
        ChargeOutcome outcome = switch (charge.paymentMethodToken()) {
            case APPROVED_TOKEN -> ChargeOutcome.APPROVED;
            case INSUFFICIENT_FUNDS_TOKEN -> ChargeOutcome.INSUFFICIENT_FUNDS;
            case GATEWAY_ERROR_TOKEN -> ChargeOutcome.ERROR;
            default -> ChargeOutcome.INVALID_PAYMENT_METHOD;
        };
        if (outcome.isTransient()) {
            return ChargeResult.of(outcome);
        }
        return asChargeResult(ledger.record(new GatewayLedger.Entry("ch_" + UUID.randomUUID(), GatewayLedger.Kind.CHARGE,
                outcome.name(), charge.orderId(), charge.paymentId(), charge.amount(), charge.idempotencyKey(), null)));
    }

    @Override
    public RefundResult refund(Refund refund) {
        if (!respond()) {
            return RefundResult.failed(ChargeOutcome.UNAVAILABLE);
        }
        Optional<GatewayLedger.Entry> earlier = ledger.find(refund.idempotencyKey());
        if (earlier.isPresent()) {
            return RefundResult.refunded(earlier.get().entryId());
        }
        GatewayLedger.Entry entry = ledger.record(new GatewayLedger.Entry("re_" + UUID.randomUUID(), GatewayLedger.Kind.REFUND,
                ChargeOutcome.APPROVED.name(), refund.orderId(), refund.paymentId(), refund.amount(), refund.idempotencyKey(), null));
        return RefundResult.refunded(entry.entryId());
    }

    @Override
    public Optional<String> approvedCharge(String idempotencyKey) {
        return ledger.find(idempotencyKey)
                .filter(entry -> entry.kind() == GatewayLedger.Kind.CHARGE)
                .filter(entry -> ChargeOutcome.APPROVED.name().equals(entry.outcome()))
                .map(GatewayLedger.Entry::entryId);
    }

    /** Waits out the latency; false during an outage, when the provider does not answer at all. */
    private boolean respond() {
        GatewaySimulation.Settings settings = simulation.settings();
        if (settings.outage()) {
            return false;
        }
        sleep(settings.latency());
        return true;
    }

    private static ChargeResult asChargeResult(GatewayLedger.Entry entry) {
        ChargeOutcome outcome = ChargeOutcome.valueOf(entry.outcome());
        return outcome == ChargeOutcome.APPROVED ? ChargeResult.approved(entry.entryId()) : ChargeResult.of(outcome);
    }

    private static void sleep(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while simulating gateway latency", e);
        }
    }
}
