package io.orderpayment.outbox.amqp;

import java.util.List;

/**
 * Queues of another service that this service's events must reach; as a bean, the outbox declares
 * the missing ones on its connection before it publishes (docs/adr/0016).
 */
@FunctionalInterface
public interface RequiredQueues {

    List<RequiredQueue> requiredQueues();
}
