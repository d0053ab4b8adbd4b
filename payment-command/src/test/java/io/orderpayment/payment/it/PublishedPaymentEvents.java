package io.orderpayment.payment.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orderpayment.testsupport.RabbitProbe;

import java.util.List;

/** What a consumer bound to the test's payments exchange received, by order. */
record PublishedPaymentEvents(RabbitProbe probe) {

    /** Decimals as they were written, scale included: 25.00 stays 25.00. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    record Event(String type, String routingKey, JsonNode body) {
    }

    List<Event> of(String orderId) {
        return probe.received().stream()
                .map(message -> new Event(message.header("event-type"), message.routingKey(), json(message.body())))
                .filter(event -> orderId.equals(event.body().path("orderId").asText()))
                .toList();
    }

    List<Event> of(String orderId, String type) {
        return of(orderId).stream().filter(event -> event.type().equals(type)).toList();
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
