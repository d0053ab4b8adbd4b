package io.orderpayment.outbox.amqp;

/**
 * The delivery limits the services give their quorum queues, always explicitly: RabbitMQ 4 gives a
 * quorum queue a limit of 20 when it names none (3.x none at all). See docs/adr/0015.
 */
public final class DeliveryLimits {

    /**
     * For a queue whose failures the service counts itself: a backstop for deliveries that end with
     * no answer at all, a service killed while it handled the message, say. RabbitMQ also counts
     * deliveries cut short by a closed channel or its own restart, which are no fault of the message.
     */
    public static final int BACKSTOP = 20;

    /**
     * For a queue whose messages are tried until they succeed (money owed back, outcomes to record)
     * or are only read by an operator: high enough never to be reached by a message retried every
     * few seconds.
     */
    public static final int UNTIL_SUCCESS = 1_000_000;

    private DeliveryLimits() {
    }
}
