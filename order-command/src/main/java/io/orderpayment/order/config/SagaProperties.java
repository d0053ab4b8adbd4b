package io.orderpayment.order.config;

import io.orderpayment.saga.PaymentPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the order–payment saga ({@code app.saga.*}; docs/operations.md).
 *
 * @param paymentDeadline time from OrderPlaced until an unpaid order is cancelled (PAYMENT_TIMEOUT)
 * @param maxAttempts     payment attempts per order
 * @param retryBackoff    wait before the second attempt, doubling after
 */
@ConfigurationProperties("app.saga")
public record SagaProperties(
        @DefaultValue("15m") Duration paymentDeadline,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("2s") Duration retryBackoff) {

    PaymentPolicy paymentPolicy() {
        return new PaymentPolicy(maxAttempts, paymentDeadline, retryBackoff);
    }
}
