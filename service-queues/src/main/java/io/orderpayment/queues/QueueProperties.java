package io.orderpayment.queues;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The queues of both services ({@code app.queues.*}), read by both: each declares its own and,
 * when missing, the other's that its events must reach, so both must be given the same values.
 *
 * @param paymentRequests   the payment service's queue of payment requests
 * @param paymentRequestTtl how long a payment request may wait there before it expires
 * @param refundRequests    the payment service's queue of refund requests
 * @param paymentEvents     the order service's queue of payment outcomes
 */
@ConfigurationProperties("app.queues")
public record QueueProperties(
        @DefaultValue("payment-service.payment-requests") String paymentRequests,
        @DefaultValue("10m") Duration paymentRequestTtl,
        @DefaultValue("payment-service.refund-requests") String refundRequests,
        @DefaultValue("order-service.payment-events") String paymentEvents) {
}
