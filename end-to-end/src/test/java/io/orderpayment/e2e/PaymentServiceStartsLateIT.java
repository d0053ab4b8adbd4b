package io.orderpayment.e2e;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The first {@code docker compose up}: the order service starts on a broker where the payment
 * service has never declared its queues, takes orders, and the payment service comes later. The
 * payment requests must wait in the payment service's queue rather than be routed into nowhere.
 */
class PaymentServiceStartsLateIT {

    private static final int ORDERS = 3;

    @Test
    void ordersPlacedBeforeThePaymentServiceFirstRanAreConfirmedOnceItStarts() {
        try (TwoServices services = TwoServices.prepare("late_payment_service", Map.of(), Map.of())) {
            // A payment method is registered with the payment service; then the broker forgets it ever ran.
            services.paymentService().start();
            String paymentMethod = services.http().registerPaymentMethod("customer-early", "tok_ok");
            services.paymentService().stop();
            services.deletePaymentServiceQueues();

            services.orderService().start();
            List<String> orders = IntStream.range(0, ORDERS)
                    .mapToObj(i -> services.http().placeOrder("customer-early", paymentMethod))
                    .toList();
            await("the payment requests wait in the payment service's queue")
                    .atMost(Duration.ofSeconds(30))
                    .until(services::waitingPaymentRequests, waiting -> waiting == ORDERS);

            services.paymentService().start();
            for (String order : orders) {
                assertThat(services.http().awaitFinal(order, Duration.ofSeconds(60)).get("status").asText())
                        .as("order %s", order).isEqualTo("CONFIRMED");
            }
        }
    }
}
