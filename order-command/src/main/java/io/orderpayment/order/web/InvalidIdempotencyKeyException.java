package io.orderpayment.order.web;

/** An Idempotency-Key header that is empty or longer than a stored key may be. */
class InvalidIdempotencyKeyException extends RuntimeException {

    static final int MAX_LENGTH = 255;

    InvalidIdempotencyKeyException() {
        super(OrderController.IDEMPOTENCY_KEY + " size must be between 1 and " + MAX_LENGTH);
    }
}
