package io.orderpayment.order.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderpayment.testsupport.RabbitProbe;
import io.orderpayment.testsupport.SwitchableTcpProxy;
import io.orderpayment.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.orderpayment.order.it.ForwarderAssertions.deliveredOrders;
import static io.orderpayment.order.it.ForwarderAssertions.noTokenPassed;
import static io.orderpayment.order.it.ForwarderAssertions.tokensAtHead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * RabbitMQ goes away (a proxy in front of the real broker drops every connection) while customers
 * keep ordering: orders are still accepted (health says DOWN, readiness still UP), no token moves
 * past an unconfirmed event, and once the broker is back every event arrives, also when the
 * service was restarted in between.
 */
class ForwarderBrokerOutageIT {

    private static final TestInfrastructure INFRASTRUCTURE = new TestInfrastructure("broker_outage");
    private static final String ADMIN_PASSWORD = "outage-admin";
    private SwitchableTcpProxy broker;
    private RabbitProbe consumer;

    @BeforeEach
    void setUp() {
        consumer = INFRASTRUCTURE.resetWithConsumer();
        broker = SwitchableTcpProxy.to("127.0.0.1", 5672);
    }

    @AfterEach
    void tearDown() {
        consumer.close();
        broker.close();
    }

    private OrderServiceInstance startService() {
        return OrderServiceInstance.start(INFRASTRUCTURE,
                Map.of("spring.rabbitmq.port", broker.port(), "app.admin.password", ADMIN_PASSWORD));
    }

    @Test
    void ordersPlacedWhileTheBrokerIsDownAreDeliveredWhenItIsBack() {
        try (OrderServiceInstance service = startService()) {
            String before = service.http().placeOrder("customer-1");
            await().atMost(Duration.ofSeconds(30)).until(() -> deliveredOrders(consumer, List.of(before)).size() == 1);

            broker.cut();
            long failuresBefore = service.forwarderStatistics().failedBatches();
            List<String> during = placeOrders(service, 20);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> service.forwarderStatistics().failedBatches() >= failuresBefore + 2);

            noTokenPassed(INFRASTRUCTURE.database(), during);
            assertThat(deliveredOrders(consumer, during)).isEmpty();
            OrderHttp.Response health = service.http().get("/actuator/health");
            assertThat(health.status()).as(health.body()).isEqualTo(503);
            OrderHttp.Response readiness = service.http().get("/actuator/health/readiness");
            assertThat(readiness.status()).as("still ready to take orders").isEqualTo(200);
            assertThat(readiness.json().get("status").asText()).isEqualTo("UP");
            JsonNode forwarder = service.http().get("/actuator/health", OrderHttp.admin(ADMIN_PASSWORD)).json()
                    .at("/components/outboxForwarder/details");
            assertThat(forwarder.get("lastFailure").asText()).as("the operator sees why").contains("publishing to exchange");

            broker.restore();
            await().atMost(Duration.ofSeconds(90)).until(() -> deliveredOrders(consumer, during).size() == during.size());
            await().atMost(Duration.ofSeconds(30)).until(() -> tokensAtHead(INFRASTRUCTURE.database()));
        }
    }

    @Test
    void restartingTheServiceWhileEventsAreUnforwardedLosesNothing() {
        List<String> orders = new ArrayList<>();
        try (OrderServiceInstance service = startService()) {
            orders.addAll(placeOrders(service, 10));
            broker.cut();
            orders.addAll(placeOrders(service, 20));
            long failuresBefore = service.forwarderStatistics().failedBatches();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> service.forwarderStatistics().failedBatches() > failuresBefore);
        }
        broker.restore();

        try (OrderServiceInstance restarted = startService()) {
            await().atMost(Duration.ofSeconds(90)).until(() -> deliveredOrders(consumer, orders).size() == orders.size());
            await().atMost(Duration.ofSeconds(30)).until(() -> tokensAtHead(INFRASTRUCTURE.database()));
        }
    }

    private static List<String> placeOrders(OrderServiceInstance service, int count) {
        return IntStream.range(0, count).mapToObj(i -> service.http().placeOrder("customer-" + i)).toList();
    }
}
