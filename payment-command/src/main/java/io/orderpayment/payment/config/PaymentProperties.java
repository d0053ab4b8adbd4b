package io.orderpayment.payment.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the payment service ({@code app.payment.*}); its queues are {@code app.queues.*}.
 *
 * @param ordersExchange          the order service's events exchange, where payment and refund requests come from
 * @param maxDeliveries           deliveries of a request that may fail in processing before it is dead-lettered; deliveries
 *                                cut short by the broker, and waits for the database, do not count (docs/adr/0015)
 * @param consumers               payment requests processed at once
 * @param prefetch                unacknowledged messages per consumer
 * @param batchSize               at most this many payment requests that arrive together are processed in one
 *                                transaction (docs/adr/0032); 1 for a transaction each
 * @param redeliveryPause         how long a failed refund or dead letter waits before it is tried again
 * @param gateway                 the payment gateway
 */
@ConfigurationProperties("app.payment")
public record PaymentProperties(
        @DefaultValue("orders.events") String ordersExchange,
        @DefaultValue("3") int maxDeliveries,
        @DefaultValue("4") int consumers,
        @DefaultValue("5") int prefetch,
        @DefaultValue("10") int batchSize,
        @DefaultValue("5s") Duration redeliveryPause,
        @DefaultValue Gateway gateway) {

    public PaymentProperties {
        if (maxDeliveries < 1) {
            throw new IllegalArgumentException("app.payment.max-deliveries must be at least 1, not " + maxDeliveries);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("app.payment.batch-size must be at least 1, not " + batchSize);
        }
    }

    /**
     * @param latency    simulated time the gateway takes to answer
     * @param tries      calls per charge or refund while the gateway fails transiently
     * @param retryPause pause after the first transient failure, doubling after each further one
     */
    public record Gateway(
            @DefaultValue("0ms") Duration latency,
            @DefaultValue("3") int tries,
            @DefaultValue("100ms") Duration retryPause) {
    }
}
