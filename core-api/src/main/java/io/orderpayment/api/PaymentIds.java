package io.orderpayment.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The payment id is a function of (order, attempt): whoever computes it, and however often a
 * request is redelivered, the same attempt is the same payment.
 */
public final class PaymentIds {

    private PaymentIds() {
    }

    public static String of(String orderId, int attempt) {
        return UUID.nameUUIDFromBytes((orderId + "/payment/" + attempt).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
