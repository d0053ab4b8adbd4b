package io.orderpayment.inbox.amqp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderpayment.inbox.FailedDeliveries;
import io.orderpayment.outbox.amqp.EventHeaders;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.amqp.core.MessageProperties;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Consumes events another service's outbox published: reads each message once (event id, event type,
 * the JSON body as the record its type names) and hands it to the handler registered for its type,
 * with the order id and correlation id in the logging context ({@link InboundLogContext}). A
 * listener that takes one type of event also takes a message that names no type.
 * <p>
 * Returning normally acknowledges the message (the handler has committed). A message that no
 * redelivery can help is rejected, to the queue's dead letters: one that cannot be read (logged whole),
 * of a type this queue does not take, or about an aggregate this service does not have.
 * <p>
 * A failure of the infrastructure (the database away, say: {@link TransientFailures}) is waited out
 * holding the message, tried again with growing pauses for up to {@link #DEFAULT_TRANSIENT_RETRY},
 * so that it costs the message none of its deliveries. Any other failure returns it to the queue,
 * after a pause if one is set; with {@link #deadLetteringAfter}, the service counts these failures
 * itself and dead-letters the message after the last one allowed (see docs/adr/0015).
 */
public final class InboundEventListener implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(InboundEventListener.class);
    private static final int LOGGED_BODY_CHARACTERS = 4_000;
    /** Below RabbitMQ's consumer timeout (30 minutes), after which it would take the message back itself. */
    static final Duration DEFAULT_TRANSIENT_RETRY = Duration.ofMinutes(10);
    private static final long FIRST_TRANSIENT_PAUSE_MILLIS = 100;
    private static final long LONGEST_TRANSIENT_PAUSE_MILLIS = 5_000;

    private final ObjectMapper json;
    private final Map<String, Route<?>> routes;
    private final Duration pauseBeforeRedelivery;
    private final Duration transientRetry;
    private final FailedDeliveries failedDeliveries;
    private final int maxFailures;

    private InboundEventListener(ObjectMapper json, Map<String, Route<?>> routes, Duration pauseBeforeRedelivery,
                                 Duration transientRetry, FailedDeliveries failedDeliveries, int maxFailures) {
        this.json = json;
        this.routes = routes;
        this.pauseBeforeRedelivery = pauseBeforeRedelivery;
        this.transientRetry = transientRetry;
        this.failedDeliveries = failedDeliveries;
        this.maxFailures = maxFailures;
    }

    /** A listener that takes no event yet; add them with {@link #on}. */
    public static InboundEventListener reading(ObjectMapper json) {
        return new InboundEventListener(json, Map.of(), Duration.ZERO, DEFAULT_TRANSIENT_RETRY, null, 0);
    }

    /** This listener, also taking events of {@code type} (by its simple name, the {@code event-type} header). */
    public <T> InboundEventListener on(Class<T> type, Consumer<InboundEvent<T>> handler) {
        Map<String, Route<?>> more = new LinkedHashMap<>(routes);
        more.put(type.getSimpleName(), new Route<>(type, orderIdOf(type), handler));
        return new InboundEventListener(json, more, pauseBeforeRedelivery, transientRetry, failedDeliveries, maxFailures);
    }

    /** This listener, waiting {@code pause} before a message that failed goes back to the queue. */
    public InboundEventListener pausingBeforeRedelivery(Duration pause) {
        return new InboundEventListener(json, routes, pause, transientRetry, failedDeliveries, maxFailures);
    }

    /** This listener, waiting out a failure of the infrastructure for at most {@code limit} before it counts as one. */
    public InboundEventListener retryingTransientFailuresFor(Duration limit) {
        return new InboundEventListener(json, routes, pauseBeforeRedelivery, limit, failedDeliveries, maxFailures);
    }

    /**
     * This listener, counting the failures of each message in {@code counts} and dead-lettering it at
     * the {@code failures}-th; the queue's own delivery limit is then only a backstop.
     */
    public InboundEventListener deadLetteringAfter(int failures, FailedDeliveries counts) {
        return new InboundEventListener(json, routes, pauseBeforeRedelivery, transientRetry, counts, failures);
    }

    /** The types of event this listener takes, e.g. {@code PaymentCompleted}. */
    public List<String> eventTypes() {
        return List.copyOf(routes.keySet());
    }

    @Override
    public void onMessage(Message message) {
        receive(message, true);
    }

    /**
     * Handles the message as one of a batch that shares a transaction ({@link InboundBatchListener}):
     * any failure is thrown at once, neither waited out nor counted, so that the batch rolls back and
     * its messages are handled again one by one, by {@link #onMessage}.
     */
    void onMessageInBatch(Message message) {
        receive(message, false);
    }

    private void receive(Message message, boolean alone) {
        MessageProperties properties = message.getMessageProperties();
        try (InboundLogContext context = InboundLogContext.open(properties.getHeader(EventHeaders.CORRELATION_ID))) {
            String eventId = required(properties, EventHeaders.EVENT_ID, properties.getMessageId(),
                    "message without an event id cannot be deduplicated");
            try {
                handle(route(eventId, properties), eventId, message, context, alone);
            } catch (AmqpRejectAndDontRequeueException e) {
                throw e;
            } catch (RuntimeException e) {
                throw alone ? failed(eventId, e) : e;
            }
        }
    }

    /** What to throw for a failed message: itself, back to the queue after the pause, or a rejection at the last failure. */
    private RuntimeException failed(String eventId, RuntimeException failure) {
        if (failedDeliveries != null && !TransientFailures.isTransient(failure)) {
            try {
                int failures = failedDeliveries.recordFailure(eventId, failure.toString());
                if (failures >= maxFailures) {
                    failedDeliveries.forget(eventId);
                    return new AmqpRejectAndDontRequeueException("event " + eventId + " failed " + failures
                            + " times, the last with: " + failure.getMessage(), failure);
                }
                log.warn("Event {} failed ({} of {} failures allowed): {}", eventId, failures, maxFailures, failure.toString());
            } catch (RuntimeException uncounted) {
                log.warn("Could not count the failure of event {} ({}); it goes back to the queue uncounted",
                        eventId, uncounted.toString());
            }
        }
        pause();
        return failure;
    }

    /** The route of the message's event type; a queue of one type of event needs no type to know it. */
    private Route<?> route(String eventId, MessageProperties properties) {
        if (routes.size() == 1 && isBlank(headerOr(properties, EventHeaders.EVENT_TYPE, properties.getType()))) {
            return routes.values().iterator().next();
        }
        String eventType = required(properties, EventHeaders.EVENT_TYPE, properties.getType(),
                "message without an event type cannot be handled");
        Route<?> route = routes.get(eventType);
        if (route == null) {
            throw new AmqpRejectAndDontRequeueException("event " + eventId + " is a " + eventType
                    + ", not one of " + eventTypes());
        }
        return route;
    }


    private <T> void handle(Route<T> route, String eventId, Message message, InboundLogContext context,
                            boolean waitOutInfrastructure) {
        T payload = read(route.type(), message, context);
        context.order(route.orderId().apply(payload));
        InboundEvent<T> event = new InboundEvent<>(eventId, payload, message.getMessageProperties());
        try {
            if (waitOutInfrastructure) {
                deliver(route, event);
            } else {
                route.handler().accept(event);
            }
        } catch (AggregateNotFoundException e) {
            // No redelivery creates it: the event waits in the dead letters for an operator.
            throw new AmqpRejectAndDontRequeueException("event " + eventId + " is about " + e.getAggregateIdentifier()
                    + ", which this service does not have", e);
        }
    }

    /** Hands the event to its handler, again and again while the infrastructure is away, for at most the retry limit. */
    private <T> void deliver(Route<T> route, InboundEvent<T> event) {
        Instant giveUpAt = Instant.now().plus(transientRetry);
        long pause = FIRST_TRANSIENT_PAUSE_MILLIS;
        for (int tries = 1; ; tries++) {
            try {
                route.handler().accept(event);
                return;
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e) || !Instant.now().plusMillis(pause).isBefore(giveUpAt)) {
                    throw e;
                }
                if (tries == 1 || tries % 20 == 0) {
                    log.warn("Event {} waits for the infrastructure (try {}: {}); held, not returned to the queue",
                            event.id(), tries, e.toString());
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    // The consumer is stopping: the message goes back to the queue.
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = Math.min(pause * 2, LONGEST_TRANSIENT_PAUSE_MILLIS);
            }
        }
    }

    /**
     * The body as {@code type}, parsed straight into it: a JSON tree in between would hold decimals as
     * doubles (25.00 became 25.0) and parse every message twice. Every component of a record must be
     * present: an event missing one would fail the same way on every delivery.
     */
    private <T> T read(Class<T> type, Message message, InboundLogContext context) {
        T payload;
        try {
            payload = json.readValue(message.getBody(), type);
        } catch (IOException e) {
            throw unreadable(type, message, e instanceof JsonProcessingException jsonProblem
                    ? jsonProblem.getOriginalMessage() : e.getMessage(), e, context);
        }
        if (payload == null) {
            throw unreadable(type, message, "not a JSON object", null, context);
        }
        for (RecordComponent component : type.isRecord() ? type.getRecordComponents() : new RecordComponent[0]) {
            if (valueOf(component, payload) == null) {
                throw unreadable(type, message, component.getName() + " is missing", null, context);
            }
        }
        return payload;
    }

    /** Logged whole, with the order it names if it names one, and rejected. */
    private AmqpRejectAndDontRequeueException unreadable(Class<?> type, Message message, String why, Exception cause,
                                                         InboundLogContext context) {
        context.order(orderIdIn(message.getBody()));
        String body = new String(message.getBody(), StandardCharsets.UTF_8);
        log.error("Rejecting an unreadable {} ({}): headers {}, body {}", type.getSimpleName(), why,
                message.getMessageProperties().getHeaders(),
                body.length() > LOGGED_BODY_CHARACTERS ? body.substring(0, LOGGED_BODY_CHARACTERS) + "..." : body);
        return new AmqpRejectAndDontRequeueException("unreadable " + type.getSimpleName() + ": " + why, cause);
    }

    private String orderIdIn(byte[] body) {
        try {
            JsonNode orderId = json.readTree(body).path(InboundLogContext.ORDER_ID);
            return orderId.isTextual() ? orderId.asText() : null;
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    /** How to find the order an event of {@code type} is about: its top-level text {@code orderId}, if it has one. */
    private static <T> Function<T, String> orderIdOf(Class<T> type) {
        if (Map.class.isAssignableFrom(type)) {
            return payload -> ((Map<?, ?>) payload).get(InboundLogContext.ORDER_ID) instanceof String id ? id : null;
        }
        for (RecordComponent component : type.isRecord() ? type.getRecordComponents() : new RecordComponent[0]) {
            if (component.getName().equals(InboundLogContext.ORDER_ID) && component.getType() == String.class) {
                return payload -> (String) valueOf(component, payload);
            }
        }
        return payload -> null;
    }

    /** The header, else the message property the outbox sets to the same value, else a rejection. */
    private static String required(MessageProperties properties, String header, String property, String rejection) {
        String text = headerOr(properties, header, property);
        if (isBlank(text)) {
            throw new AmqpRejectAndDontRequeueException(rejection);
        }
        return text;
    }

    /** The message's event id, or null if it has none. */
    static String eventIdOf(Message message) {
        MessageProperties properties = message.getMessageProperties();
        return headerOr(properties, EventHeaders.EVENT_ID, properties.getMessageId());
    }

    private static String headerOr(MessageProperties properties, String header, String property) {
        Object value = properties.getHeaders().get(header);
        return value != null ? value.toString() : property;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static Object valueOf(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }

    private void pause() {
        if (pauseBeforeRedelivery.isZero()) {
            return;
        }
        try {
            Thread.sleep(pauseBeforeRedelivery.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private record Route<T>(Class<T> type, Function<T, String> orderId, Consumer<InboundEvent<T>> handler) {
    }
}
