package io.orderpayment.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentIdsTest {

    @Test
    void theSameAttemptOfTheSameOrderIsAlwaysTheSamePayment() {
        assertThat(PaymentIds.of("order-1", 1)).isEqualTo(PaymentIds.of("order-1", 1));
        assertThat(PaymentIds.of("order-1", 1)).isNotEqualTo(PaymentIds.of("order-1", 2));
        assertThat(PaymentIds.of("order-1", 1)).isNotEqualTo(PaymentIds.of("order-2", 1));
    }
}
