package io.orderpayment.payment.query;

import java.math.BigDecimal;
import java.time.Instant;

/** One payment attempt as GET /payments shows it. */
public record PaymentView(String paymentId, String orderId, int attempt, BigDecimal amount, String currency,
                          String status, String failureReason, Instant createdAt, Instant updatedAt) {
}
