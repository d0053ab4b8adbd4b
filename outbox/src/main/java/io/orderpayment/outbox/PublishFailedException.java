package io.orderpayment.outbox;

/** The broker did not confirm every event of a batch: the batch must be published again. */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message) {
        super(message);
    }

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
