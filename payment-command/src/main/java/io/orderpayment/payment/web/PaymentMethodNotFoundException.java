package io.orderpayment.payment.web;

class PaymentMethodNotFoundException extends RuntimeException {

    PaymentMethodNotFoundException(String paymentMethodId) {
        super("no payment method " + paymentMethodId);
    }
}
