package io.orderpayment.order.application;

import java.util.Optional;

/** Remembers which order each customer's Idempotency-Key produced. */
public interface IdempotencyKeys {

    /**
     * Claims {@code key} for a new order, in the caller's transaction. If another request holds the
     * key, waits for it to commit or roll back.
     *
     * @return empty if the claim is ours; otherwise the earlier claim
     */
    Optional<Claim> claim(String customerId, String key, String fingerprint, String orderId);

    record Claim(String orderId, String fingerprint) {
    }
}
