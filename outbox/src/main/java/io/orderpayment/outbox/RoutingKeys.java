package io.orderpayment.outbox;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Routing keys are the event type in dotted lower case: {@code OrderPlaced} is {@code order.placed}. */
public final class RoutingKeys {

    private static final Pattern WORD_BOUNDARY = Pattern.compile("([a-z0-9])([A-Z])");
    // The forwarder asks once per event; there are only a few event types.
    private static final Map<String, String> KNOWN = new ConcurrentHashMap<>();

    private RoutingKeys() {
    }

    public static String forEventType(String eventType) {
        return KNOWN.computeIfAbsent(eventType,
                type -> WORD_BOUNDARY.matcher(type).replaceAll("$1.$2").toLowerCase(Locale.ROOT));
    }
}
