package io.orderpayment.payment.application;

import java.time.Instant;
import java.util.Optional;

/** Customers' payment methods: our id for a gateway token. */
public interface PaymentMethods {

    PaymentMethod register(String customerId, String token);

    Optional<PaymentMethod> find(String paymentMethodId);

    record PaymentMethod(String paymentMethodId, String customerId, String token, Instant createdAt) {
    }
}
