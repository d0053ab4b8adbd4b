package io.orderpayment.outbox.amqp;

import io.orderpayment.outbox.EventPublisher;
import io.orderpayment.outbox.OutboundEvent;
import io.orderpayment.outbox.PublishFailedException;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes a batch on one channel, mandatory and persistent, with every confirm in flight at once,
 * then waits for all of them. One channel keeps the batch in order; waiting once per batch keeps the
 * round trips down to one per batch.
 */
public class RabbitEventPublisher implements EventPublisher {

    private final RabbitTemplate rabbitTemplate;
    private final String exchange;
    private final Duration confirmTimeout;

    /** @param rabbitTemplate must have correlated publisher confirms, returns and mandatory on */
    public RabbitEventPublisher(RabbitTemplate rabbitTemplate, String exchange, Duration confirmTimeout) {
        this.rabbitTemplate = rabbitTemplate;
        this.exchange = exchange;
        this.confirmTimeout = confirmTimeout;
    }

    @Override
    public void publishConfirmed(List<OutboundEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            rabbitTemplate.invoke(operations -> {
                List<CorrelationData> pending = new ArrayList<>(events.size());
                for (OutboundEvent event : events) {
                    CorrelationData correlation = new CorrelationData(event.eventId());
                    operations.send(exchange, event.routingKey(), toMessage(event), correlation);
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
        for (CorrelationData correlation : pending) {
            String problem = confirmProblem(correlation, deadline);
            if (problem != null) {
                problems.add("event " + correlation.getId() + ": " + problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new PublishFailedException(problems.size() + " of " + pending.size()
                    + " events not confirmed by exchange '" + exchange + "'; first: " + problems.get(0));
        }
    }

    private static String confirmProblem(CorrelationData correlation, long deadlineNanos) {
        try {
            long waitNanos = Math.max(0, deadlineNanos - System.nanoTime());
            CorrelationData.Confirm confirm = correlation.getFuture().get(waitNanos, TimeUnit.NANOSECONDS);
            if (!confirm.isAck()) {
                return "nacked (" + confirm.getReason() + ")";
            }
            // The broker returns a mandatory message it could not route before it acks it.
            if (correlation.getReturned() != null) {
                return "unroutable (" + correlation.getReturned().getReplyText() + ")";
            }
            return null;
        } catch (TimeoutException e) {
            return "no confirm in time";
        } catch (ExecutionException e) {
            return "confirm failed (" + e.getCause() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while waiting for the confirm";
        }
    }

    private static Message toMessage(OutboundEvent event) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setContentEncoding("UTF-8");
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setMessageId(event.eventId());
        properties.setType(event.eventType());
        properties.setTimestamp(Date.from(event.timestamp()));
        properties.setCorrelationId(event.correlationId());
        properties.setHeader(EventHeaders.EVENT_ID, event.eventId());
        properties.setHeader(EventHeaders.EVENT_TYPE, event.eventType());
        properties.setHeader(EventHeaders.AGGREGATE_TYPE, event.aggregateType());
        properties.setHeader(EventHeaders.AGGREGATE_ID, event.aggregateId());
        properties.setHeader(EventHeaders.SEQUENCE_NUMBER, event.sequenceNumber());
        properties.setHeader(EventHeaders.TIMESTAMP, event.timestamp().toString());
        properties.setHeader(EventHeaders.CORRELATION_ID, event.correlationId());
        properties.setHeader(EventHeaders.CAUSATION_ID, event.causationId());
        return new Message(event.body(), properties);
    }
}
