package io.orderpayment.outbox;

import java.util.Locale;

/** Routing keys are the event type in dotted lower case: {@code OrderPlaced} is {@code order.placed}. */
public final class RoutingKeys {

    private RoutingKeys() {
    }

    public static String forEventType(String eventType) {
        return eventType.replaceAll("([a-z0-9])([A-Z])", "$1.$2").toLowerCase(Locale.ROOT);
    }
}
