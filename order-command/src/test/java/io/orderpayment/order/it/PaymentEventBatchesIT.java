package io.orderpayment.order.it;

import io.orderpayment.api.PaymentIds;
import io.orderpayment.testsupport.RabbitProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Payment outcomes that are waiting together are recorded several to a transaction (ADR 0028),
 * and a message of such a batch that fails costs the others nothing. The outcomes are published
 * while the consumers are stopped, so that they find them queued.
 */
class PaymentEventBatchesIT extends SharedOrderServiceIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("paymentEventConsumers")
    SimpleMessageListenerContainer consumers;

    @Test
    void outcomesWaitingTogetherAreRecordedInFewerTransactionsThanEvents() {
        List<String> orders = place(20);
        List<String> eventIds = new ArrayList<>();

        consumers.stop();
        try {
            orders.forEach(orderId -> eventIds.add(publishCompleted(orderId, UUID.randomUUID().toString())));
        } finally {
            consumers.start();
        }

        awaitConfirmed(orders);
        // xmin: the transaction that inserted the row.
        Long transactions = jdbc.queryForObject(
                "select count(distinct xmin::text) from processed_message where message_id = any(?)",
                Long.class, (Object) eventIds.toArray(String[]::new));
        assertThat(transactions).isBetween(1L, 10L);
    }

    @Test
    void aMessageThatFailsInABatchIsDeadLetteredAndEveryOtherIsRecordedOnce() {
        String deadLetters = INFRASTRUCTURE.paymentEventsQueue() + ".dead-letter";
        long deadBefore = RabbitProbe.readyMessages(deadLetters);
        List<String> orders = place(6);
        String repeatedEventId = UUID.randomUUID().toString();

        consumers.stop();
        try {
            publishCompleted(orders.get(0), repeatedEventId);
            publishCompleted(orders.get(1), UUID.randomUUID().toString());
            publishCompleted("no-such-order-" + UUID.randomUUID(), UUID.randomUUID().toString());
            publishCompleted(orders.get(2), UUID.randomUUID().toString());
            RabbitProbe.publish(INFRASTRUCTURE.paymentEventsExchange(), "payment.completed", UUID.randomUUID().toString(),
                    "this is not JSON");
            publishCompleted(orders.get(0), repeatedEventId);
            orders.subList(3, 6).forEach(orderId -> publishCompleted(orderId, UUID.randomUUID().toString()));
        } finally {
            consumers.start();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> RabbitProbe.readyMessages(deadLetters) == deadBefore + 2);
        awaitConfirmed(orders);
        await().atMost(Duration.ofSeconds(30)).until(() -> RabbitProbe.readyMessages(INFRASTRUCTURE.paymentEventsQueue()) == 0);
        assertThat(orders).allSatisfy(orderId ->
                assertThat(http().get("/orders/" + orderId + "/history").json().findValuesAsText("event"))
                        .containsOnlyOnce("OrderPaid", "OrderConfirmed"));
    }

    private List<String> place(int count) {
        String customer = "customer-" + UUID.randomUUID();
        return IntStream.range(0, count).mapToObj(i -> http().placeOrder(customer)).toList();
    }

    private String publishCompleted(String orderId, String eventId) {
        RabbitProbe.publish(INFRASTRUCTURE.paymentEventsExchange(), "payment.completed", eventId, """
                {"paymentId":"%s","orderId":"%s","attempt":1,"amount":{"amount":25.00,"currency":"EUR"},"chargeId":"ch-1"}"""
                .formatted(PaymentIds.of(orderId, 1), orderId));
        return eventId;
    }

    private void awaitConfirmed(List<String> orders) {
        await().atMost(Duration.ofSeconds(30)).until(() -> orders.stream().allMatch(orderId ->
                http().get("/orders/" + orderId).json().get("status").asText().equals("CONFIRMED")));
    }
}
