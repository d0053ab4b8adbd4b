package io.orderpayment.outbox.amqp;

import java.util.List;
import java.util.Map;

/**
 * A queue that some of the service's events must reach, whichever service consumes it: the
 * outbox declares it, when it is missing, before it publishes (docs/adr/0016). The arguments are
 * the consumer's own, so that the consumer's declaration finds the queue as it would have made it.
 *
 * @param name        the queue
 * @param arguments   its arguments, exactly as its consumer declares them
 * @param routingKeys what it is bound to on the service's exchange; none for a dead-letter queue
 */
public record RequiredQueue(String name, Map<String, Object> arguments, List<String> routingKeys) {

    public RequiredQueue {
        arguments = Map.copyOf(arguments);
        routingKeys = List.copyOf(routingKeys);
    }
}
