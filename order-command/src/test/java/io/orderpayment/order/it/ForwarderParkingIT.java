package io.orderpayment.order.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderpayment.testsupport.RabbitProbe;
import io.orderpayment.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One event the broker refuses cannot halt the outbox: it is parked where an operator sees it, the
 * other orders' events flow on, and once the cause is fixed the operator's retry publishes it.
 */
class ForwarderParkingIT {

    private static final TestInfrastructure INFRASTRUCTURE = new TestInfrastructure("parking");
    private static final String PASSWORD = "parking-secret";
    private static final Map<String, String> ADMIN = OrderHttp.admin(PASSWORD);

    @Test
    void anEventNoQueueTakesIsParkedWhileTheOthersFlowAndIsPublishedWhenTheOperatorRetriesIt() {
        INFRASTRUCTURE.reset();
        // Without an alternate exchange, an event no queue is bound for comes back: a refusal no retry heals.
        RabbitProbe.declareTopicExchange(INFRASTRUCTURE.exchange(), "");
        try (RabbitProbe placed = RabbitProbe.bound(INFRASTRUCTURE.exchange(), "order.placed");
             OrderServiceInstance service = OrderServiceInstance.start(INFRASTRUCTURE, Map.of(
                     "app.outbox.alternate-exchange", "",
                     "app.outbox.max-batch-attempts", 2,
                     "app.admin.password", PASSWORD))) {
            OrderHttp http = service.http();
            String cancelled = http.placeOrder("customer-parking");
            await().atMost(Duration.ofSeconds(30)).until(() -> received(placed, cancelled));

            assertThat(http.post("/orders/" + cancelled + "/cancel", "", Map.of()).status()).isEqualTo(202);

            JsonNode parked = await().atMost(Duration.ofSeconds(60))
                    .until(() -> http.get("/admin/outbox/parked", ADMIN).json(), list -> list.get("count").asLong() == 1);
            assertThat(parked.at("/events/0/aggregateId").asText()).isEqualTo(cancelled);
            assertThat(parked.at("/events/0/eventType").asText()).isEqualTo("OrderCancelled");
            assertThat(parked.at("/events/0/reason").asText()).contains("unroutable");
            String later = http.placeOrder("customer-parking");
            await("the other orders' events flow").atMost(Duration.ofSeconds(30)).until(() -> received(placed, later));
            JsonNode forwarder = http.get("/actuator/health", ADMIN).json().at("/components/outboxForwarder");
            assertThat(forwarder.get("status").asText()).isEqualTo("DEGRADED");
            assertThat(forwarder.at("/details/parked").asLong()).isEqualTo(1);
            assertThat(http.get("/actuator/prometheus").body()).contains("outbox_parked_events{application=\"order-service\"} 1.0");

            try (RabbitProbe cancellations = RabbitProbe.bound(INFRASTRUCTURE.exchange(), "order.cancelled")) {
                OrderHttp.Response retried = http.post("/admin/outbox/parked/retry", "", ADMIN);

                assertThat(retried.status()).isEqualTo(200);
                assertThat(retried.json().get("published").asInt()).isEqualTo(1);
                assertThat(retried.json().get("stillParked")).isEmpty();
                await().atMost(Duration.ofSeconds(10)).until(() -> received(cancellations, cancelled));
            }
            assertThat(http.get("/admin/outbox/parked", ADMIN).json().get("count").asLong()).isZero();
            assertThat(http.get("/actuator/health", ADMIN).json().at("/components/outboxForwarder/status").asText())
                    .isEqualTo("UP");
        }
    }

    private static boolean received(RabbitProbe probe, String orderId) {
        return probe.received().stream().anyMatch(event -> event.body().contains(orderId));
    }
}
