package io.orderpayment.payment.web;

import io.orderpayment.payment.application.PaymentMethods;

import java.time.Instant;

/** A payment method as clients see it: never its token. */
public record PaymentMethodResponse(String paymentMethodId, String customerId, Instant createdAt) {

    static PaymentMethodResponse of(PaymentMethods.PaymentMethod method) {
        return new PaymentMethodResponse(method.paymentMethodId(), method.customerId(), method.createdAt());
    }
}
