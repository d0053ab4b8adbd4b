package io.orderpayment.order.application;

import io.orderpayment.api.order.OrderLine;
import io.orderpayment.order.domain.DecimalText;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** What a customer asks for when placing an order. */
public record NewOrder(String customerId, String paymentMethodId, List<OrderLine> items, String currency) {

    /** A digest of the request, to tell a retry of it from a different request under the same key. */
    String fingerprint() {
        StringBuilder canonical = new StringBuilder()
                .append(customerId).append('\n').append(paymentMethodId).append('\n').append(currency);
        for (OrderLine line : items) {
            canonical.append('\n').append(line.productId()).append('|').append(line.quantity())
                    .append('|').append(line.unitPrice() == null ? null : DecimalText.of(line.unitPrice().stripTrailingZeros()));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
