package io.orderpayment.outbox;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingKeysTest {

    @Test
    void routingKeyIsTheEventTypeInDottedLowerCase() {
        assertThat(RoutingKeys.forEventType("OrderPlaced")).isEqualTo("order.placed");
        assertThat(RoutingKeys.forEventType("PaymentRequested")).isEqualTo("payment.requested");
        assertThat(RoutingKeys.forEventType("Payment3dsRequired")).isEqualTo("payment3ds.required");
    }
}
