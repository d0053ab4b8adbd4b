package io.orderpayment.order.it;

import io.orderpayment.api.PaymentIds;
import io.orderpayment.testsupport.RabbitProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The inbound adapter of payment events, fed directly on the payment-events exchange. */
class PaymentEventsInboundIT extends SharedOrderServiceIT {

    @Test
    void aPaymentEventForAnUnknownOrderIsDeadLetteredNotRetriedForEver() {
        String deadLetters = INFRASTRUCTURE.paymentEventsQueue() + ".dead-letter";
        long before = RabbitProbe.readyMessages(deadLetters);
        String order = "no-such-order-" + UUID.randomUUID();

        RabbitProbe.publish(INFRASTRUCTURE.paymentEventsExchange(), "payment.completed", UUID.randomUUID().toString(), """
                {"paymentId":"p-1","orderId":"%s","attempt":1,"amount":{"amount":25.00,"currency":"EUR"},"chargeId":"ch-1"}"""
                .formatted(order));

        await().atMost(Duration.ofSeconds(30)).until(() -> RabbitProbe.readyMessages(deadLetters) == before + 1);
        assertThat(RabbitProbe.readyMessages(INFRASTRUCTURE.paymentEventsQueue())).isZero();
    }

    @Test
    void unreadableMessagesAreDeadLetteredAtOnceAndTheNextMessageStillGoesThrough() {
        String deadLetters = INFRASTRUCTURE.paymentEventsQueue() + ".dead-letter";
        long before = RabbitProbe.readyMessages(deadLetters);
        String orderId = http().placeOrder("customer-" + UUID.randomUUID());

        RabbitProbe.publish(INFRASTRUCTURE.paymentEventsExchange(), "payment.completed", UUID.randomUUID().toString(),
                "this is not JSON");
        RabbitProbe.publish(INFRASTRUCTURE.paymentEventsExchange(), "payment.completed", UUID.randomUUID().toString(), """
                {"paymentId":"%s","attempt":1}""".formatted(PaymentIds.of(orderId, 1)));
        RabbitProbe.publish(INFRASTRUCTURE.paymentEventsExchange(), "payment.completed", UUID.randomUUID().toString(), """
                {"paymentId":"%s","orderId":"%s","attempt":1,"amount":{"amount":25.00,"currency":"EUR"},"chargeId":"ch-1"}"""
                .formatted(PaymentIds.of(orderId, 1), orderId));

        await().atMost(Duration.ofSeconds(30)).until(() -> RabbitProbe.readyMessages(deadLetters) == before + 2);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http().get("/orders/" + orderId).json().get("status").asText().equals("CONFIRMED"));
        assertThat(RabbitProbe.readyMessages(INFRASTRUCTURE.paymentEventsQueue())).isZero();
    }

    @Test
    void aCompletedPaymentRecordedTwiceConfirmsTheOrderOnce() {
        String orderId = http().placeOrder("customer-" + UUID.randomUUID());
        String eventId = UUID.randomUUID().toString();
        String body = """
                {"paymentId":"%s","orderId":"%s","attempt":1,"amount":{"amount":25.00,"currency":"EUR"},"chargeId":"ch-1"}"""
                .formatted(PaymentIds.of(orderId, 1), orderId);

        RabbitProbe.publish(INFRASTRUCTURE.paymentEventsExchange(), "payment.completed", eventId, body);
        RabbitProbe.publish(INFRASTRUCTURE.paymentEventsExchange(), "payment.completed", eventId, body);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> http().get("/orders/" + orderId).json().get("status").asText().equals("CONFIRMED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> RabbitProbe.readyMessages(INFRASTRUCTURE.paymentEventsQueue()) == 0);
        assertThat(http().get("/orders/" + orderId + "/history").json().findValuesAsText("event"))
                .containsOnlyOnce("OrderPaid", "OrderConfirmed");
    }
}
