package io.orderpayment.payment.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.orderpayment.api.Money;
import io.orderpayment.api.PaymentIds;
import io.orderpayment.api.order.PaymentRequested;
import io.orderpayment.api.order.RefundRequested;
import io.orderpayment.testsupport.RabbitProbe;
import io.orderpayment.testsupport.TestInfrastructure;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Plays the order service: publishes payment and refund requests on the test's orders exchange,
 * as the order service's outbox would (JSON body, event id header).
 */
final class OrderSide {

    static final Money AMOUNT = new Money(new BigDecimal("25.00"), "EUR");

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final TestInfrastructure infrastructure;

    OrderSide(TestInfrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    static String ordersExchange(TestInfrastructure infrastructure) {
        return "it." + infrastructure.name() + ".orders";
    }

    static String requestQueue(TestInfrastructure infrastructure) {
        return infrastructure.paymentRequestQueue();
    }

    static String refundQueue(TestInfrastructure infrastructure) {
        return infrastructure.refundRequestQueue();
    }

    static String deadLetters(String queue) {
        return queue + ".dead-letter";
    }

    /**
     * Removes the test's orders exchange and queues, so a rerun starts clean, and declares the
     * exchange as the order service's outbox would: the payment service binds its queues to it.
     */
    void reset() {
        String exchange = ordersExchange(infrastructure);
        RabbitProbe.deleteConsumedQueues(requestQueue(infrastructure), refundQueue(infrastructure));
        RabbitProbe.deleteExchange(exchange, exchange + ".unrouted");
        RabbitProbe.declareTopicExchange(exchange, exchange + ".unrouted");
    }

    static PaymentRequested request(String orderId, int attempt, String customerId, String paymentMethodId,
                                    Duration deadlineIn) {
        return new PaymentRequested(orderId, PaymentIds.of(orderId, attempt), attempt, customerId, paymentMethodId,
                AMOUNT, Instant.now().plus(deadlineIn));
    }

    /** Publishes the request with a new event id, which it returns. */
    String publish(PaymentRequested request) {
        return publish(request, UUID.randomUUID().toString());
    }

    String publish(PaymentRequested request, String eventId) {
        RabbitProbe.publish(ordersExchange(infrastructure), "payment.requested", eventId, json(request));
        return eventId;
    }

    String publish(RefundRequested request) {
        String eventId = UUID.randomUUID().toString();
        RabbitProbe.publish(ordersExchange(infrastructure), "refund.requested", eventId, json(request));
        return eventId;
    }

    private static String json(Object event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
