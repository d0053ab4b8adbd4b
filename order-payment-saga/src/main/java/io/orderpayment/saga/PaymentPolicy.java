package io.orderpayment.saga;

import java.time.Duration;

/**
 * How hard the saga tries to get an order paid: {@code maxAttempts} payment attempts in all, the
 * first right away and each next one after a pause that starts at {@code retryBackoff} and doubles,
 * all within {@code paymentDeadline} of the order being placed.
 */
public record PaymentPolicy(int maxAttempts, Duration paymentDeadline, Duration retryBackoff) {

    /** Doubling stops here, so that a large maxAttempts cannot overflow the pause. */
    private static final int MAX_DOUBLINGS = 20;

    public PaymentPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        if (paymentDeadline.isNegative() || paymentDeadline.isZero()) {
            throw new IllegalArgumentException("paymentDeadline must be positive, not " + paymentDeadline);
        }
        if (retryBackoff.isNegative()) {
            throw new IllegalArgumentException("retryBackoff must not be negative, not " + retryBackoff);
        }
    }

    /** The pause before attempt {@code attempt} (2 or more). */
    public Duration pauseBefore(int attempt) {
        if (attempt < 2) {
            throw new IllegalArgumentException("only attempts after the first wait, not attempt " + attempt);
        }
        return retryBackoff.multipliedBy(1L << Math.min(attempt - 2, MAX_DOUBLINGS));
    }
}
