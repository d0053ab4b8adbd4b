package io.orderpayment.inbox.amqp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderpayment.inbox.FailedDeliveries;
import io.orderpayment.outbox.amqp.EventHeaders;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each message is read once and handed to the handler of its type, logging with its order and
 * correlation ids; a message that can never be handled goes to the dead letters at once instead of
 * being redelivered for ever.
 */
class InboundEventListenerTest {

    record Outcome(String orderId, String paymentId, int attempt) {
    }

    record Refund(String orderId, String paymentId) {
    }

    record Charge(String orderId, BigDecimal amount) {
    }

    private final List<InboundEvent<Outcome>> outcomes = new ArrayList<>();
    private final Map<String, String> loggedWith = new HashMap<>();
    private final InboundEventListener listener = InboundEventListener.reading(new ObjectMapper())
            .on(Outcome.class, event -> {
                loggedWith.put(InboundLogContext.ORDER_ID, MDC.get(InboundLogContext.ORDER_ID));
                loggedWith.put(InboundLogContext.CORRELATION_ID, MDC.get(InboundLogContext.CORRELATION_ID));
                outcomes.add(event);
            })
            .on(Refund.class, event -> {
                throw new AggregateNotFoundException(event.payload().paymentId(), "no such payment");
            });

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void aCompleteBodyIsReadAndHandedToTheHandlerOfItsType() {
        listener.onMessage(message("Outcome", "{\"orderId\":\"o-1\",\"paymentId\":\"p-1\",\"attempt\":2}", "c-1"));

        assertThat(outcomes).singleElement().satisfies(event -> {
            assertThat(event.id()).isEqualTo("event-1");
            assertThat(event.payload()).isEqualTo(new Outcome("o-1", "p-1", 2));
        });
        assertThat(listener.eventTypes()).containsExactly("Outcome", "Refund");
    }

    @Test
    void anAmountArrivesExactlyAsItWasSent() {
        List<BigDecimal> amounts = new ArrayList<>();
        InboundEventListener charges = InboundEventListener.reading(new ObjectMapper())
                .on(Charge.class, event -> amounts.add(event.payload().amount()));

        charges.onMessage(message("Charge", "{\"orderId\":\"o-1\",\"amount\":12345678901234567.89}", "c"));
        charges.onMessage(message("Charge", "{\"orderId\":\"o-2\",\"amount\":19.90}", "c"));

        assertThat(amounts).containsExactly(new BigDecimal("12345678901234567.89"), new BigDecimal("19.90"));
    }

    @Test
    void aBodyMissingAFieldIsRejectedToTheDeadLettersNamingIt() {
        assertThatThrownBy(() -> listener.onMessage(message("Outcome", "{\"paymentId\":\"p-1\",\"attempt\":2}", "c")))
                .isInstanceOf(AmqpRejectAndDontRequeueException.class)
                .hasMessageContaining("orderId is missing");
        assertThat(outcomes).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIsRejectedToTheDeadLetters() {
        assertThatThrownBy(() -> listener.onMessage(message("Outcome", "not json", "c")))
                .isInstanceOf(AmqpRejectAndDontRequeueException.class)
                .hasMessageContaining("unreadable Outcome");
        assertThatThrownBy(() -> listener.onMessage(message("Outcome", "", "c")))
                .isInstanceOf(AmqpRejectAndDontRequeueException.class)
                .hasMessageContaining("unreadable Outcome");
    }

    @Test
    void aMessageWithoutEventTypeIsRejectedToTheDeadLetters() {
        assertThatThrownBy(() -> listener.onMessage(message(null, "{}", "c")))
                .isInstanceOf(AmqpRejectAndDontRequeueException.class)
                .hasMessageContaining("without an event type");
    }

    @Test
    void aQueueOfOneTypeOfEventTakesAMessageWithoutAType() {
        List<InboundEvent<Refund>> refunds = new ArrayList<>();
        InboundEventListener refundsOnly = InboundEventListener.reading(new ObjectMapper()).on(Refund.class, refunds::add);

        refundsOnly.onMessage(message(null, "{\"orderId\":\"o-1\",\"paymentId\":\"p-1\"}", "c"));

        assertThat(refunds).extracting(InboundEvent::payload).containsExactly(new Refund("o-1", "p-1"));
        assertThatThrownBy(() -> refundsOnly.onMessage(message("Outcome", "{\"orderId\":\"o-1\"}", "c")))
                .as("a type it does not take is still refused")
                .isInstanceOf(AmqpRejectAndDontRequeueException.class);
    }

    @Test
    void anEventOfATypeTheQueueDoesNotTakeIsRejectedToTheDeadLetters() {
        assertThatThrownBy(() -> listener.onMessage(message("OrderPlaced", "{\"orderId\":\"o-1\"}", "c")))
                .isInstanceOf(AmqpRejectAndDontRequeueException.class)
                .hasMessageContaining("OrderPlaced, not one of [Outcome, Refund]");
    }

    @Test
    void anEventAboutAnAggregateThisServiceDoesNotHaveIsRejectedToTheDeadLetters() {
        assertThatThrownBy(() -> listener.onMessage(message("Refund", "{\"orderId\":\"o-1\",\"paymentId\":\"p-9\"}", "c")))
                .isInstanceOf(AmqpRejectAndDontRequeueException.class)
                .hasMessageContaining("p-9, which this service does not have");
    }

    @Test
    void aFailureThatMayHealGoesBackToTheQueue() {
        InboundEventListener failing = InboundEventListener.reading(new ObjectMapper())
                .on(Outcome.class, event -> {
                    throw new IllegalStateException("database away");
                });

        assertThatThrownBy(() -> failing.onMessage(message("Outcome", "{\"orderId\":\"o\",\"paymentId\":\"p\",\"attempt\":1}", "c")))
                .isNotInstanceOf(AmqpRejectAndDontRequeueException.class)
                .hasMessage("database away");
    }

    @Test
    void theHandlerLogsWithTheOrderAndCorrelationOfItsMessage() {
        listener.onMessage(message("Outcome", """
                {"paymentId": "p-1", "attempt": 1, "orderId": "order-7"}""", "chain-3"));

        assertThat(loggedWith).containsEntry("orderId", "order-7").containsEntry("correlationId", "chain-3");
        assertThat(MDC.getCopyOfContextMap()).as("nothing left for the next message on this thread").isNullOrEmpty();
    }

    @Test
    void theContextIsClearedWhenTheMessageIsRejected() {
        assertThatThrownBy(() -> listener.onMessage(message("Refund", "{\"orderId\":\"order-8\",\"paymentId\":\"p\"}", "c")))
                .isInstanceOf(AmqpRejectAndDontRequeueException.class);

        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void anIdWithALineBreakIsNotLoggedForItWouldForgeALine() {
        listener.onMessage(message("Outcome",
                "{\"orderId\": \"order-7\\n2026-11-24 ERROR forged\", \"paymentId\": \"p\", \"attempt\": 1}", "chain-3\nforged"));

        assertThat(loggedWith).containsEntry("orderId", null).containsEntry("correlationId", null);
    }

    @Test
    void anOrderIdThatIsNotTextOrNotAtTheTopGivesNoOrder() {
        InboundEventListener anything = InboundEventListener.reading(new ObjectMapper())
                .on(Map.class, event -> loggedWith.put("orderId", MDC.get(InboundLogContext.ORDER_ID)));

        anything.onMessage(message("Map", "{\"orderId\": 42}", "c"));
        assertThat(loggedWith).containsEntry("orderId", null);
        anything.onMessage(message("Map", "{\"payment\": {\"orderId\": \"inner\"}}", "c"));
        assertThat(loggedWith).containsEntry("orderId", null);
    }

    @Test
    void aDatabaseThatIsAwayIsWaitedOutHoldingTheMessageInsteadOfReturningIt() {
        List<Outcome> handled = new ArrayList<>();
        int[] calls = {0};
        InboundEventListener patient = InboundEventListener.reading(new ObjectMapper()).on(Outcome.class, event -> {
            if (++calls[0] <= 2) {
                throw new CannotCreateTransactionException("database unreachable");
            }
            handled.add(event.payload());
        });

        patient.onMessage(message("Outcome", "{\"orderId\":\"o-1\",\"paymentId\":\"p-1\",\"attempt\":1}", "c"));

        assertThat(calls[0]).isEqualTo(3);
        assertThat(handled).hasSize(1);
    }

    @Test
    void anOutageLongerThanTheRetryLimitReturnsTheMessageToTheQueue() {
        InboundEventListener brief = InboundEventListener.reading(new ObjectMapper())
                .on(Outcome.class, event -> {
                    throw new CannotCreateTransactionException("database unreachable");
                })
                .retryingTransientFailuresFor(Duration.ofMillis(300));

        assertThatThrownBy(() -> brief.onMessage(message("Outcome", "{\"orderId\":\"o-1\",\"paymentId\":\"p-1\",\"attempt\":1}", "c")))
                .isInstanceOf(CannotCreateTransactionException.class);
    }

    @Test
    void failuresOfTheMessageItselfAreCountedAndTheLastAllowedDeadLettersIt() {
        Map<String, Integer> counts = new HashMap<>();
        FailedDeliveries failedDeliveries = new FailedDeliveries() {
            @Override
            public int recordFailure(String messageId, String why) {
                return counts.merge(messageId, 1, Integer::sum);
            }

            @Override
            public void forget(String messageId) {
                counts.remove(messageId);
            }
        };
        InboundEventListener counting = InboundEventListener.reading(new ObjectMapper())
                .on(Outcome.class, event -> {
                    throw new IllegalStateException("a bug");
                })
                .deadLetteringAfter(3, failedDeliveries);
        Message poison = message("Outcome", "{\"orderId\":\"o-1\",\"paymentId\":\"p-1\",\"attempt\":1}", "c");

        assertThatThrownBy(() -> counting.onMessage(poison)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> counting.onMessage(poison)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> counting.onMessage(poison)).isInstanceOf(AmqpRejectAndDontRequeueException.class);
        assertThat(counts).as("forgotten once dead-lettered").isEmpty();
    }

    @Test
    void whatCountsAsTheInfrastructureBeingAway() {
        assertThat(TransientFailures.isTransient(new IllegalStateException("wrapped",
                new SQLException("connection refused", "08001")))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(TransientFailures.isTransient(new QueryTimeoutException("slow"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("bad"))).isFalse();
    }

    @Test
    void everyConsumerOfOtherServicesEventsIsSuchAListener() {
        CachingConnectionFactory connectionFactory = new CachingConnectionFactory("127.0.0.1");
        try {
            SimpleMessageListenerContainer container = ListenerContainers.ackAfterListener(connectionFactory, "queue", 1, 1, listener);
            ((MessageListener) container.getMessageListener())
                    .onMessage(message("Outcome", "{\"orderId\":\"order-9\",\"paymentId\":\"p\",\"attempt\":1}", "c-9"));

            assertThat(loggedWith).containsEntry("orderId", "order-9");
        } finally {
            connectionFactory.destroy();
        }
    }

    private static Message message(String eventType, String body, String correlationId) {
        MessageProperties properties = new MessageProperties();
        properties.setHeader(EventHeaders.EVENT_ID, "event-1");
        if (eventType != null) {
            properties.setHeader(EventHeaders.EVENT_TYPE, eventType);
        }
        properties.setHeader(EventHeaders.CORRELATION_ID, correlationId);
        return new Message(body.getBytes(StandardCharsets.UTF_8), properties);
    }
}
