package io.orderpayment.inbox.amqp;

import io.orderpayment.outbox.amqp.EventHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboundLogContextTest {

    private final Map<String, String> seenByListener = new HashMap<>();
    private final MessageListener recording = message -> {
        seenByListener.put(InboundLogContext.ORDER_ID, MDC.get(InboundLogContext.ORDER_ID));
        seenByListener.put(InboundLogContext.CORRELATION_ID, MDC.get(InboundLogContext.CORRELATION_ID));
    };

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void theListenerLogsWithTheOrderAndCorrelationOfItsMessage() {
        new InboundLogContext(recording).onMessage(message("""
                {"paymentId": "p-1", "amount": {"amount": 10, "currency": "EUR"}, "orderId": "order-7"}""", "chain-3"));

        assertThat(seenByListener).containsEntry("orderId", "order-7").containsEntry("correlationId", "chain-3");
        assertThat(MDC.getCopyOfContextMap()).as("nothing left for the next message on this thread").isNullOrEmpty();
    }

    @Test
    void theContextIsClearedWhenTheListenerRejectsTheMessage() {
        MessageListener rejecting = message -> {
            throw new AmqpRejectAndDontRequeueException("no such order");
        };

        assertThatThrownBy(() -> new InboundLogContext(rejecting).onMessage(message("{\"orderId\": \"order-8\"}", "c")))
                .isInstanceOf(AmqpRejectAndDontRequeueException.class);

        assertThat(MDC.get(InboundLogContext.ORDER_ID)).isNull();
    }

    @Test
    void anIdWithALineBreakIsNotLoggedForItWouldForgeALine() {
        new InboundLogContext(recording)
                .onMessage(message("{\"orderId\": \"order-7\\n2026-11-24 ERROR forged\"}", "chain-3\nforged"));

        assertThat(seenByListener).containsEntry("orderId", null).containsEntry("correlationId", null);
    }

    @Test
    void anOrderIdNestedDeeperOrABodyThatIsNotJsonGivesNoOrder() {
        assertThat(InboundLogContext.orderId("{\"payment\": {\"orderId\": \"inner\"}}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(InboundLogContext.orderId("not json".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(InboundLogContext.orderId("{\"orderId\": 42}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(InboundLogContext.orderId(new byte[0])).isNull();
    }

    @Test
    void everyConsumerOfOtherServicesEventsLogsThisWay() {
        CachingConnectionFactory connectionFactory = new CachingConnectionFactory("127.0.0.1");
        try {
            SimpleMessageListenerContainer container = ListenerContainers.ackAfterListener(connectionFactory, "queue", 1, 1, recording);
            ((MessageListener) container.getMessageListener()).onMessage(message("{\"orderId\": \"order-9\"}", "c-9"));

            assertThat(seenByListener).containsEntry("orderId", "order-9");
        } finally {
            connectionFactory.destroy();
        }
    }

    private static Message message(String body, String correlationId) {
        MessageProperties properties = new MessageProperties();
        properties.setHeader(EventHeaders.CORRELATION_ID, correlationId);
        return new Message(body.getBytes(StandardCharsets.UTF_8), properties);
    }
}
