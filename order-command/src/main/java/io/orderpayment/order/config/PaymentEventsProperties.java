package io.orderpayment.order.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the order service takes in the payment service's events ({@code app.payment-events.*}); the
 * queue is {@code app.queues.payment-events}, unreadable events go to {@code <queue>.dead-letter}.
 *
 * @param exchange          the payment service's events exchange
 * @param consumers         payment events processed at once
 * @param prefetch          unacknowledged messages per consumer
 * @param batchSize         at most this many events that arrive together are recorded in one transaction
 *                          (docs/adr/0028); 1 records each in its own
 * @param redeliveryPause   how long an event whose processing failed waits before it is tried again
 */
@ConfigurationProperties("app.payment-events")
public record PaymentEventsProperties(
        @DefaultValue("payments.events") String exchange,
        @DefaultValue("2") int consumers,
        @DefaultValue("10") int prefetch,
        @DefaultValue("10") int batchSize,
        @DefaultValue("1s") Duration redeliveryPause) {
}
