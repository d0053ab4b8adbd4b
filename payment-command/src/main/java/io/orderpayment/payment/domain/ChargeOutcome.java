package io.orderpayment.payment.domain;

/** What the gateway answered. The transient outcomes may change on the next call; the others will not. */
public enum ChargeOutcome {
    APPROVED(false),
    INSUFFICIENT_FUNDS(false),
    INVALID_PAYMENT_METHOD(false),
    UNAVAILABLE(true),
    ERROR(true);

    private final boolean transientFailure;

    ChargeOutcome(boolean transientFailure) {
        this.transientFailure = transientFailure;
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
