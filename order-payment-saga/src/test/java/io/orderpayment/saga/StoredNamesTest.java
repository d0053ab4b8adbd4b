package io.orderpayment.saga;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names that live on in the database after a deploy: the saga's type in saga_entry and association_value_entry
 * (and, through its simple name, its processor's tokens in token_entry),
 * the deadline names and payload classes in db-scheduler's scheduled_tasks. Renaming one leaves the stored rows
 * behind (sagas never end, deadlines fail every time they fire), so a rename needs a migration of those rows;
 * this test makes it a deliberate decision.
 */
class StoredNamesTest {

    @Test
    void theSagaTypeIsStoredByItsClassName() {
        assertThat(OrderPaymentSaga.class.getName()).isEqualTo("io.orderpayment.saga.OrderPaymentSaga");
    }

    @Test
    void deadlinesAreStoredByNameWithTheirPayloadsClassName() {
        assertThat(OrderPaymentSaga.PAYMENT_DEADLINE).isEqualTo("payment-deadline");
        assertThat(OrderPaymentSaga.NEXT_ATTEMPT).isEqualTo("next-payment-attempt");
        assertThat(OrderPaymentSaga.PaymentDeadline.class.getName()).isEqualTo("io.orderpayment.saga.OrderPaymentSaga$PaymentDeadline");
        assertThat(OrderPaymentSaga.NextAttempt.class.getName()).isEqualTo("io.orderpayment.saga.OrderPaymentSaga$NextAttempt");
    }
}
