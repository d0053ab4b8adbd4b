package io.orderpayment.outbox.amqp;

import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventTypeRoutingKeysTest {

    record PaymentRequested(String orderId) {
    }

    @Test
    void routingKeyIsTheEventTypeInDottedLowerCase() {
        assertThat(EventTypeRoutingKeys.forEventType("OrderPlaced")).isEqualTo("order.placed");
        assertThat(EventTypeRoutingKeys.forEventType("PaymentRequested")).isEqualTo("payment.requested");
        assertThat(EventTypeRoutingKeys.forEventType("Payment3dsRequired")).isEqualTo("payment3ds.required");
    }

    @Test
    void anEventIsRoutedByItsPayloadsTypeNotItsPackage() {
        assertThat(new EventTypeRoutingKeys().resolveRoutingKey(GenericEventMessage.asEventMessage(new PaymentRequested("o-1"))))
                .isEqualTo("payment.requested");
    }
}
