package io.orderpayment.outbox;

/**
 * The broker refused one event for what it is (no queue and no alternate exchange for its routing
 * key, larger than the broker takes, nacked): publishing it again as it is will not help, unlike a
 * broker that is away.
 */
public class EventRefusedException extends PublishFailedException {

    public EventRefusedException(String message) {
        super(message);
    }
}
