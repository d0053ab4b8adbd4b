package io.orderpayment.outbox.amqp;

import org.springframework.amqp.rabbit.connection.Connection;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Queues of another service that this service's events must reach; as a bean, the outbox has them
 * declared, when missing, and bound to its exchange on its own connection whenever that opens, and
 * so before it publishes (docs/adr/0016).
 */
@FunctionalInterface
public interface RequiredQueues {

    /** Declares the missing queues and binds them to the publisher's exchange, which exists by now. */
    void declareMissing(Connection connection) throws IOException, TimeoutException;
}
