package io.orderpayment.payment.it;

import io.orderpayment.api.order.PaymentRequested;
import io.orderpayment.testsupport.RabbitProbe;
import io.orderpayment.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A payment request that waits in the broker past its time-to-live is answered, never charged. */
class PaymentRequestExpiryIT {

    private static final TestInfrastructure INFRASTRUCTURE = new TestInfrastructure("payment_expiry");
    private static final Map<String, Object> SHORT_TTL = Map.of("app.queues.payment-request-ttl", "1s");

    @Test
    void aRequestThatExpiresWhileTheServiceIsStoppedIsReportedExpiredOnceItRunsAgain() {
        OrderSide orderSide = new OrderSide(INFRASTRUCTURE);
        orderSide.reset();
        String orderId = "order-expired";
        try (RabbitProbe probe = INFRASTRUCTURE.resetWithConsumer()) {
            PublishedPaymentEvents published = new PublishedPaymentEvents(probe);
            String method;
            // The first run declares the queues and registers the payment method, then the service stops.
            try (PaymentServiceInstance service = PaymentServiceInstance.start(INFRASTRUCTURE, SHORT_TTL)) {
                method = service.http().registerPaymentMethod("c-1", "tok_ok");
            }
            PaymentRequested request = OrderSide.request(orderId, 1, "c-1", method, Duration.ofMinutes(15));

            orderSide.publish(request);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    RabbitProbe.readyMessages(OrderSide.deadLetters(OrderSide.requestQueue(INFRASTRUCTURE))) == 1);

            try (PaymentServiceInstance service = PaymentServiceInstance.start(INFRASTRUCTURE, SHORT_TTL)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> !published.of(orderId).isEmpty());
                PublishedPaymentEvents.Event event = published.of(orderId).get(0);
                assertThat(event.type()).isEqualTo("PaymentFailed");
                assertThat(event.body().get("paymentId").asText()).isEqualTo(request.paymentId());
                assertThat(event.body().get("reason").asText()).isEqualTo("REQUEST_EXPIRED");
                assertThat(event.body().get("retryable").asBoolean()).as("a fresh request may succeed").isTrue();
                assertThat(service.http().ledger(orderId)).isEmpty();
                assertThat(service.http().get("/payments?orderId=" + orderId).body().get(0).get("status").asText())
                        .isEqualTo("FAILED");
            }
        }
    }
}
