package io.orderpayment.order.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderpayment.testsupport.RabbitProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A consumer bound to the order service's exchange sees every order event, as documented JSON with its headers. */
class OrderEventsPublishedIT extends SharedOrderServiceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private RabbitProbe consumer;

    @BeforeEach
    void bindAConsumer() {
        consumer = RabbitProbe.bound(INFRASTRUCTURE.exchange(), "order.#");
    }

    @AfterEach
    void unbind() {
        consumer.close();
    }

    @Test
    void orderPlacedArrivesAsJsonWithHeadersForEveryPlacedOrder() throws Exception {
        String customer = "customer-" + UUID.randomUUID();
        List<String> orderIds = List.of(http().placeOrder(customer), http().placeOrder(customer), http().placeOrder(customer));

        await().atMost(Duration.ofSeconds(30)).until(() -> messagesFor(orderIds).size() == 3);

        for (RabbitProbe.Received message : messagesFor(orderIds)) {
            JsonNode body = JSON.readTree(message.body());
            String orderId = body.get("orderId").asText();
            assertThat(message.routingKey()).isEqualTo("order.placed");
            assertThat(body.get("customerId").asText()).isEqualTo(customer);
            assertThat(body.get("paymentMethodId").asText()).isEqualTo("pm-1");
            assertThat(body.get("items").get(0).get("productId").asText()).isEqualTo("book");
            assertThat(body.get("items").get(0).get("quantity").asInt()).isEqualTo(2);
            assertThat(body.get("total").get("amount").decimalValue()).isEqualByComparingTo("25.00");
            assertThat(body.get("total").get("currency").asText()).isEqualTo("EUR");

            assertThat(message.properties().getContentType()).isEqualTo("application/json");
            assertThat(message.properties().getDeliveryMode()).isEqualTo(2);
            assertThat(message.properties().getMessageId()).isNotBlank();
            assertThat(message.header("event-id")).isEqualTo(message.properties().getMessageId());
            assertThat(message.header("event-type")).isEqualTo("OrderPlaced");
            assertThat(message.properties().getType()).isEqualTo("OrderPlaced");
            assertThat(message.header("aggregate-type")).isEqualTo("Order");
            assertThat(message.header("aggregate-id")).isEqualTo(orderId);
            assertThat(message.header("sequence-number")).isEqualTo("0");
            assertThat(Instant.parse(message.header("timestamp"))).isBefore(Instant.now());
            assertThat(message.header("correlation-id")).isNotNull();
            assertThat(message.header("causation-id")).isNotNull();
        }
    }

    @Test
    void anOrdersEventsArriveInTheOrderTheyHappened() {
        String orderId = http().placeOrder("customer-" + UUID.randomUUID());
        http().post("/orders/" + orderId + "/cancel", "", Map.of());

        await().atMost(Duration.ofSeconds(30)).until(() -> messagesFor(List.of(orderId)).stream()
                .anyMatch(message -> message.routingKey().equals("order.cancelled")));

        // The saga may have asked for a payment before the cancellation (sequence number 1), which
        // this queue is not bound to.
        List<RabbitProbe.Received> messages = messagesFor(List.of(orderId));
        assertThat(messages).extracting(RabbitProbe.Received::routingKey).containsExactly("order.placed", "order.cancelled");
        assertThat(messages).extracting(message -> Integer.parseInt(message.header("sequence-number")))
                .startsWith(0).isSorted().doesNotHaveDuplicates();
        assertThat(messages.get(messages.size() - 1).body()).contains("\"reason\":\"CUSTOMER_REQUEST\"");
    }

    private List<RabbitProbe.Received> messagesFor(List<String> orderIds) {
        return consumer.received().stream().filter(message -> orderIds.contains(message.header("aggregate-id"))).toList();
    }
}
