package io.orderpayment.order.it;

import io.orderpayment.testsupport.RabbitProbe;
import io.orderpayment.testsupport.SwitchableTcpProxy;
import io.orderpayment.testsupport.TestInfrastructure;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.orderpayment.order.it.ForwarderAssertions.deliveries;
import static io.orderpayment.order.it.ForwarderAssertions.paymentRequestedDelivered;
import static io.orderpayment.order.it.ForwarderAssertions.storedEvents;
import static io.orderpayment.order.it.ForwarderAssertions.tokensAtHead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis remembers which events the broker confirmed: a replay of the forwarder sends none of them
 * again. Redis is only a cache: flushed or down, every event is still delivered.
 */
class ForwarderConfirmCacheIT {

    private static final TestInfrastructure INFRASTRUCTURE = new TestInfrastructure("confirm_cache");
    private RabbitProbe consumer;

    @BeforeEach
    void setUp() {
        consumer = INFRASTRUCTURE.resetWithConsumer();
    }

    @AfterEach
    void tearDown() {
        consumer.close();
        INFRASTRUCTURE.deleteRedisKeys();
    }

    @Test
    void aReplayRepublishesNothingTheBrokerAlreadyConfirmed() {
        try (OrderServiceInstance service = OrderServiceInstance.start(INFRASTRUCTURE, Map.of())) {
            List<String> orders = placeAndAwaitDelivery(service, 10);

            replay(service);

            long stored = storedEvents(INFRASTRUCTURE.database(), orders);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    service.forwarderStatistics().skippedAsConfirmed() >= stored && tokensAtHead(INFRASTRUCTURE.database()));
            assertThat(deliveries(consumer, orders)).isEqualTo(stored);
            String eventId = consumer.received().get(0).header("event-id");
            assertThat(INFRASTRUCTURE.confirmCacheTtl(eventId)).as("remembered for the configured hour, then forgotten")
                    .isGreaterThan(Duration.ofMinutes(55)).isLessThanOrEqualTo(Duration.ofHours(1));
        }
    }

    @Test
    void afterRedisWasFlushedAReplayDeliversEverythingAgain() {
        try (OrderServiceInstance service = OrderServiceInstance.start(INFRASTRUCTURE, Map.of())) {
            List<String> orders = placeAndAwaitDelivery(service, 10);

            INFRASTRUCTURE.deleteRedisKeys();
            replay(service);

            long stored = storedEvents(INFRASTRUCTURE.database(), orders);
            await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(consumer, orders) == 2 * stored);
            assertThat(service.forwarderStatistics().skippedAsConfirmed()).isZero();
        }
    }

    @Test
    void eventsAreDeliveredWhileRedisIsDown() {
        try (SwitchableTcpProxy redis = SwitchableTcpProxy.to("127.0.0.1", 6379);
             OrderServiceInstance service = OrderServiceInstance.start(INFRASTRUCTURE,
                     Map.of("spring.data.redis.port", redis.port()))) {
            redis.cut();

            List<String> orders = placeAndAwaitDelivery(service, 10);

            await().atMost(Duration.ofSeconds(30)).until(() -> tokensAtHead(INFRASTRUCTURE.database()));
            assertThat(deliveries(consumer, orders)).isEqualTo(storedEvents(INFRASTRUCTURE.database(), orders));
            // Degraded, not down: a load balancer keeps sending orders to it.
            OrderHttp.Response health = service.http().get("/actuator/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("status").asText()).isEqualTo("DEGRADED");
            assertThat(health.json().at("/components/confirmCache/status").asText()).isEqualTo("DEGRADED");
            assertThat(health.json().at("/components/db/status").asText()).isEqualTo("UP");

            redis.restore();
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    service.http().get("/actuator/health").json().get("status").asText().equals("UP"));
        }
    }

    private List<String> placeAndAwaitDelivery(OrderServiceInstance service, int count) {
        List<String> orders = IntStream.range(0, count).mapToObj(i -> service.http().placeOrder("customer-" + i)).toList();
        // Placed, and asked to be paid: the payment service is not running, so nothing more happens to them.
        await().atMost(Duration.ofSeconds(30)).until(() -> paymentRequestedDelivered(consumer, orders).size() == count);
        await().atMost(Duration.ofSeconds(30)).until(() -> tokensAtHead(INFRASTRUCTURE.database()));
        return orders;
    }

    /** What an operator does to rebuild downstream state: reset the forwarder to the first event. */
    private static void replay(OrderServiceInstance service) {
        PooledStreamingEventProcessor forwarder = service.forwarder();
        forwarder.shutDown();
        forwarder.resetTokens();
        forwarder.start();
    }
}
