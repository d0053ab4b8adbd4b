package io.orderpayment.outbox;

import org.axonframework.eventhandling.EventMessage;

import java.util.List;

/** The broker side of the outbox: publishes a batch and returns only once the broker has taken all of it. */
public interface EventPublisher {

    /**
     * Publishes every event, in order, and waits until the broker confirmed each one.
     *
     * @throws PublishFailedException if any event was refused, unroutable or not confirmed in time
     */
    void publishConfirmed(List<? extends EventMessage<?>> events);
}
