package io.orderpayment.payment.it;

import io.orderpayment.api.order.PaymentRequested;
import io.orderpayment.testsupport.RabbitProbe;
import io.orderpayment.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Payment requests that are waiting together are processed several to a transaction (ADR 0032),
 * and a message of such a batch that fails costs the others nothing: each is still charged once.
 * (The unreadable one is rejected to the dead letters.)
 * The requests are published while the consumers are stopped, so that they find them queued.
 */
class PaymentRequestBatchesIT {

    private static final TestInfrastructure INFRASTRUCTURE = new TestInfrastructure("payment_batches");

    private static OrderSide orderSide;
    private static RabbitProbe probe;
    private static PublishedPaymentEvents published;
    private static PaymentServiceInstance service;
    private static SimpleMessageListenerContainer consumers;
    private static String paymentMethod;

    @BeforeAll
    static void start() {
        orderSide = new OrderSide(INFRASTRUCTURE);
        orderSide.reset();
        probe = INFRASTRUCTURE.resetWithConsumer();
        published = new PublishedPaymentEvents(probe);
        service = PaymentServiceInstance.start(INFRASTRUCTURE, Map.of());
        consumers = service.bean("paymentRequestConsumers", SimpleMessageListenerContainer.class);
        paymentMethod = service.http().registerPaymentMethod("c-batch", "tok_ok");
    }

    @AfterAll
    static void stop() {
        service.close();
        probe.close();
    }

    @Test
    void requestsWaitingTogetherAreProcessedInFewerTransactionsThanRequests() {
        List<String> orders = newOrders(20);
        List<String> messageIds = new ArrayList<>();

        consumers.stop();
        try {
            orders.forEach(orderId -> messageIds.add(orderSide.publish(request(orderId))));
        } finally {
            consumers.start();
        }

        awaitCompleted(orders);
        // xmin: the transaction that inserted the row.
        Long transactions = service.bean(JdbcTemplate.class).queryForObject(
                "select count(distinct xmin::text) from processed_message where message_id = any(?)",
                Long.class, (Object) messageIds.toArray(String[]::new));
        assertThat(transactions).isBetween(1L, 10L);
    }

    @Test
    void aMessageThatFailsInABatchIsRejectedAndEveryRequestIsChargedOnce() {
        List<String> orders = newOrders(6);
        String repeatedMessageId = UUID.randomUUID().toString();

        consumers.stop();
        try {
            orderSide.publish(request(orders.get(0)), repeatedMessageId);
            orderSide.publish(request(orders.get(1)));
            RabbitProbe.publish(OrderSide.ordersExchange(INFRASTRUCTURE), "payment.requested", UUID.randomUUID().toString(),
                    "this is not JSON");
            orderSide.publish(request(orders.get(2)));
            orderSide.publish(request(orders.get(0)), repeatedMessageId);
            orders.subList(3, 6).forEach(orderId -> orderSide.publish(request(orderId)));
        } finally {
            consumers.start();
        }

        awaitCompleted(orders);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                RabbitProbe.readyMessages(OrderSide.requestQueue(INFRASTRUCTURE)) == 0);
        assertThat(orders).allSatisfy(orderId -> {
            assertThat(service.http().ledger(orderId)).as("the gateway's entries for " + orderId).hasSize(1);
            assertThat(published.of(orderId)).as("outcomes published for " + orderId).hasSize(1);
        });
    }

    private static List<String> newOrders(int count) {
        return IntStream.range(0, count).mapToObj(i -> "order-" + UUID.randomUUID()).toList();
    }

    private static PaymentRequested request(String orderId) {
        return OrderSide.request(orderId, 1, "c-batch", paymentMethod, Duration.ofMinutes(15));
    }

    private static void awaitCompleted(List<String> orders) {
        await().atMost(Duration.ofSeconds(30)).until(() -> orders.stream().allMatch(orderId ->
                published.of(orderId).stream().anyMatch(event -> event.type().equals("PaymentCompleted"))));
    }
}
