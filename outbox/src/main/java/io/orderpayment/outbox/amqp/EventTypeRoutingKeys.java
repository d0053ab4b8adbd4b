package io.orderpayment.outbox.amqp;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.amqp.eventhandling.RoutingKeyResolver;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Routing keys are the event type in dotted lower case: {@code OrderPlaced} is {@code order.placed},
 * so that a consumer binds {@code order.#} for an order's life cycle (the AMQP extension's default
 * resolver would route by Java package instead).
 */
public final class EventTypeRoutingKeys implements RoutingKeyResolver {

    private static final Pattern WORD_BOUNDARY = Pattern.compile("([a-z0-9])([A-Z])");
    // Asked once per event published; there are only a few event types.
    private static final Map<String, String> KNOWN = new ConcurrentHashMap<>();

    @Override
    public String resolveRoutingKey(EventMessage<?> event) {
        return forEventType(event.getPayloadType().getSimpleName());
    }

    /** The routing key of events of {@code eventType} ({@code PaymentCompleted}): what a consumer binds its queue with. */
    public static String forEventType(String eventType) {
        return KNOWN.computeIfAbsent(eventType,
                type -> WORD_BOUNDARY.matcher(type).replaceAll("$1.$2").toLowerCase(Locale.ROOT));
    }
}
