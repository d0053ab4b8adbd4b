package io.orderpayment.order.it;

import io.orderpayment.testsupport.RabbitProbe;
import io.orderpayment.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static io.orderpayment.order.it.ForwarderAssertions.deliveredOrders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the order service on one event store split the forwarder's segments through
 * the token claims, and each order's events still reach consumers in the order they happened.
 */
class ForwarderScaleOutIT {

    private static final TestInfrastructure INFRASTRUCTURE = new TestInfrastructure("scale_out");
    private RabbitProbe consumer;

    @BeforeEach
    void setUp() {
        consumer = INFRASTRUCTURE.resetWithConsumer();
    }

    @AfterEach
    void tearDown() {
        consumer.close();
    }

    @Test
    void twoInstancesSplitTheSegmentsAndKeepEachOrdersEventsInOrder() {
        try (OrderServiceInstance first = OrderServiceInstance.start(INFRASTRUCTURE,
                Map.of("app.node-id", "first", "app.outbox.segments", 4, "app.outbox.max-claimed-segments", 2));
             OrderServiceInstance second = OrderServiceInstance.start(INFRASTRUCTURE,
                     Map.of("app.node-id", "second", "app.outbox.segments", 4, "app.outbox.max-claimed-segments", 2))) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    first.forwarder().processingStatus().size() == 2 && second.forwarder().processingStatus().size() == 2);
            assertThat(INFRASTRUCTURE.database().queryForList(
                    "select distinct owner from token_entry where processor_name = 'outbox-forwarder'", String.class))
                    .containsExactlyInAnyOrder("first", "second");

            List<String> orders = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                OrderServiceInstance instance = i % 2 == 0 ? first : second;
                String orderId = instance.http().placeOrder("customer-" + i);
                assertThat(instance.http().post("/orders/" + orderId + "/cancel", "", Map.of()).status()).isEqualTo(202);
                orders.add(orderId);
            }

            await().atMost(Duration.ofSeconds(60)).until(() ->
                    deliveredOrders(consumer, orders).size() == orders.size()
                            && consumer.received().stream().filter(m -> "OrderCancelled".equals(m.header("event-type"))).count() >= orders.size());
            assertThat(first.forwarderStatistics().published()).isPositive();
            assertThat(second.forwarderStatistics().published()).isPositive();
            for (String orderId : orders) {
                // The saga may have asked for a payment before the cancellation: PaymentRequested in between.
                List<RabbitProbe.Received> firstArrivals = consumer.received().stream()
                        .filter(message -> orderId.equals(message.header("aggregate-id")))
                        .filter(distinctBy(message -> message.header("sequence-number")))
                        .toList();
                assertThat(firstArrivals).as("sequence numbers of order %s as they arrived", orderId)
                        .extracting(message -> Integer.parseInt(message.header("sequence-number")))
                        .isEqualTo(IntStream.range(0, firstArrivals.size()).boxed().toList());
                assertThat(firstArrivals).as("events of order %s as they arrived", orderId)
                        .extracting(message -> message.header("event-type"))
                        .startsWith("OrderPlaced").endsWith("OrderCancelled");
            }
        }
    }

    @Test
    void segmentsAreSharedWithoutCapsAndTakenOverWhenAnInstanceStops() {
        Map<String, Object> balancedQuickly = Map.of("app.outbox.segments", 4, "app.outbox.balance-interval", "1s");
        try (OrderServiceInstance first = OrderServiceInstance.start(INFRASTRUCTURE, withNodeId(balancedQuickly, "first"))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> first.forwarder().processingStatus().size() == 4);

            try (OrderServiceInstance second = OrderServiceInstance.start(INFRASTRUCTURE, withNodeId(balancedQuickly, "second"))) {
                await().atMost(Duration.ofSeconds(60)).until(() ->
                        first.forwarder().processingStatus().size() == 2 && second.forwarder().processingStatus().size() == 2);
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> first.forwarder().processingStatus().size() == 4);
            String orderId = first.http().placeOrder("customer-after-takeover");
            await().atMost(Duration.ofSeconds(30)).until(() -> deliveredOrders(consumer, List.of(orderId)).size() == 1);
        }
    }

    private static <T> Predicate<T> distinctBy(Function<T, Object> key) {
        Set<Object> seen = new HashSet<>();
        return element -> seen.add(key.apply(element));
    }

    private static Map<String, Object> withNodeId(Map<String, Object> properties, String nodeId) {
        Map<String, Object> withId = new java.util.HashMap<>(properties);
        withId.put("app.node-id", nodeId);
        return withId;
    }
}
