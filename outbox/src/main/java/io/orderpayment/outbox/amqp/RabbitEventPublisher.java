package io.orderpayment.outbox.amqp;

import io.orderpayment.outbox.EventPublisher;
import io.orderpayment.outbox.EventRefusedException;
import io.orderpayment.outbox.PublishFailedException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.amqp.eventhandling.AMQPMessage;
import org.axonframework.extensions.amqp.eventhandling.AMQPMessageConverter;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;
import org.springframework.amqp.rabbit.support.MessagePropertiesConverter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes a batch on one channel, each event as the {@link AMQPMessageConverter} makes it, with
 * every confirm in flight at once, then waits for all of them. One channel keeps the batch in order;
 * waiting once per batch keeps the round trips down to one per batch.
 */
public class RabbitEventPublisher implements EventPublisher {

    private static final MessagePropertiesConverter PROPERTIES = new DefaultMessagePropertiesConverter();

    private final RabbitTemplate rabbitTemplate;
    private final AMQPMessageConverter converter;
    private final String exchange;
    private final Duration confirmTimeout;

    /** @param rabbitTemplate must have correlated publisher confirms, returns and mandatory on */
    public RabbitEventPublisher(RabbitTemplate rabbitTemplate, AMQPMessageConverter converter, String exchange,
                                Duration confirmTimeout) {
        this.rabbitTemplate = rabbitTemplate;
        this.converter = converter;
        this.exchange = exchange;
        this.confirmTimeout = confirmTimeout;
    }

    @Override
    public void publishConfirmed(List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            rabbitTemplate.invoke(operations -> {
                List<CorrelationData> pending = new ArrayList<>(events.size());
                for (EventMessage<?> event : events) {
                    AMQPMessage message = converter.createAMQPMessage(event);
                    CorrelationData correlation = new CorrelationData(event.getIdentifier());
                    operations.send(exchange, message.getRoutingKey(), toSpringMessage(message), correlation);
                    pending.add(correlation);
                }
                awaitConfirms(pending);
                return null;
            });
        } catch (AmqpException e) {
            throw new PublishFailedException("publishing to exchange '" + exchange + "' failed: " + e.getMessage(), e);
        }
    }

    private void awaitConfirms(List<CorrelationData> pending) {
        long deadline = System.nanoTime() + confirmTimeout.toNanos();
        List<String> problems = new ArrayList<>();
        boolean refused = false;
        for (CorrelationData correlation : pending) {
            Problem problem = confirmProblem(correlation, deadline);
            if (problem != null) {
                problems.add("event " + correlation.getId() + ": " + problem.description());
                refused |= problem.refusal();
            }
        }
        if (problems.isEmpty()) {
            return;
        }
        String message = problems.size() + " of " + pending.size() + " events not confirmed by exchange '" + exchange
                + "'; first: " + problems.get(0);
        throw refused ? new EventRefusedException(message) : new PublishFailedException(message);
    }

    /** Why an event was not confirmed; a refusal is the broker's answer to the event itself, which a retry will not change. */
    private record Problem(String description, boolean refusal) {
    }

    private static Problem confirmProblem(CorrelationData correlation, long deadlineNanos) {
        try {
            long waitNanos = Math.max(0, deadlineNanos - System.nanoTime());
            CorrelationData.Confirm confirm = correlation.getFuture().get(waitNanos, TimeUnit.NANOSECONDS);
            if (!confirm.isAck()) {
                return new Problem("nacked (" + confirm.getReason() + ")", refusedByBroker(confirm.getReason()));
            }
            // The broker returns a mandatory message it could not route before it acks it.
            if (correlation.getReturned() != null) {
                return new Problem("unroutable (" + correlation.getReturned().getReplyText() + ")", true);
            }
            return null;
        } catch (TimeoutException e) {
            return new Problem("no confirm in time", false);
        } catch (ExecutionException e) {
            return new Problem("confirm failed (" + e.getCause() + ")", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Problem("interrupted while waiting for the confirm", false);
        }
    }

    /**
     * A nack the broker sent (no reason: its own basic.nack), or the channel it closed because of
     * the message (406 PRECONDITION_FAILED: larger than its max message size, say). Nacks for a
     * channel or connection lost otherwise are no refusal.
     */
    static boolean refusedByBroker(String nackReason) {
        return nackReason == null || nackReason.contains("reply-code=406");
    }

    /**
     * The template publishes Spring AMQP messages; mandatory is the template's own setting. Spring's
     * converter reads properties as a consumer would, taking the delivery mode as the mode a message
     * was received with: without setting it again, every event would go out transient.
     */
    private static Message toSpringMessage(AMQPMessage message) {
        MessageProperties properties = PROPERTIES.toMessageProperties(message.getProperties(), null,
                StandardCharsets.UTF_8.name());
        properties.setDeliveryMode(properties.getReceivedDeliveryMode());
        return new Message(message.getBody(), properties);
    }
}
