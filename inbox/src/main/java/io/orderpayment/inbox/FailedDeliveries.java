package io.orderpayment.inbox;

/**
 * How often processing a message has failed for a reason of its own, counted by the service rather
 * than by the broker: the broker also counts deliveries cut short by a closed channel or its own
 * restart, which are no fault of the message.
 */
public interface FailedDeliveries {

    /** Records one more failure of the message, and returns how many it has had. */
    int recordFailure(String messageId, String why);

    /** Forgets the message's failures, once it is dead-lettered. */
    void forget(String messageId);
}
