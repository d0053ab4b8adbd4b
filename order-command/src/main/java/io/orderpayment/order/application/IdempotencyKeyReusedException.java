package io.orderpayment.order.application;

/** The same Idempotency-Key came with a different request: replaying the first would be a lie. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key '" + key + "' was already used for a different order request");
    }
}
