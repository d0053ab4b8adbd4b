package io.orderpayment.order.amqp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderpayment.order.config.PaymentEventsProperties;
import io.orderpayment.queues.OrderServiceQueues;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentEventsMessagingConfigurationTest {

    /**
     * The payment service binds the order service's queue (when missing) from the shared list, the
     * order service reads what its listener handles: an outcome one of them forgets would be routed
     * nowhere or rejected as unknown.
     */
    @Test
    void theQueueIsBoundForExactlyThePaymentEventsTheListenerRecords() {
        var listener = new PaymentEventsMessagingConfiguration().paymentEventListener(new ObjectMapper(), null,
                new PaymentEventsProperties("payments.events", 1, 1, 1, Duration.ofSeconds(1)));

        assertThat(listener.eventTypes()).containsExactlyInAnyOrderElementsOf(
                OrderServiceQueues.PAYMENT_OUTCOMES.stream().map(Class::getSimpleName).toList());
    }
}
