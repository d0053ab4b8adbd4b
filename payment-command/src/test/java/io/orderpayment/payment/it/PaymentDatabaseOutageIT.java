package io.orderpayment.payment.it;

import io.orderpayment.api.order.PaymentRequested;
import io.orderpayment.testsupport.RabbitProbe;
import io.orderpayment.testsupport.SwitchableTcpProxy;
import io.orderpayment.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL is unreachable for longer than the connection timeout while payment requests arrive.
 * An outage is not the request's fault: it must not spend the request's deliveries (three, then
 * the request is dead-lettered and answered as a failed payment). Once the database is back,
 * every request with a good card is charged and completed, as its first and only attempt.
 */
class PaymentDatabaseOutageIT {

    private static final TestInfrastructure INFRASTRUCTURE = new TestInfrastructure("payment_database_outage");
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(1);

    @Test
    void requestsArrivingWhileTheDatabaseIsAwayAreChargedOnceItIsBack() {
        OrderSide orderSide = new OrderSide(INFRASTRUCTURE);
        orderSide.reset();
        try (RabbitProbe probe = INFRASTRUCTURE.resetWithConsumer();
             SwitchableTcpProxy database = SwitchableTcpProxy.to("127.0.0.1", 5432);
             PaymentServiceInstance service = PaymentServiceInstance.start(INFRASTRUCTURE, Map.of(
                     "spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + database.port() + "/postgres?currentSchema="
                             + INFRASTRUCTURE.schema(),
                     "spring.datasource.hikari.connection-timeout", CONNECTION_TIMEOUT.toMillis()))) {
            PublishedPaymentEvents published = new PublishedPaymentEvents(probe);
            String method = service.http().registerPaymentMethod("c-outage", "tok_ok");

            database.cut();
            Instant cut = Instant.now();
            List<String> orders = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String orderId = "order-" + UUID.randomUUID();
                orders.add(orderId);
                orderSide.publish(OrderSide.request(orderId, 1, "c-outage", method, Duration.ofMinutes(15)));
            }
            // Long enough for every request to fail its three deliveries several times over, were they spent.
            Duration outage = CONNECTION_TIMEOUT.multipliedBy(6);
            await().atMost(outage.multipliedBy(2)).until(() -> Instant.now().isAfter(cut.plus(outage)));
            database.restore();

            await().atMost(Duration.ofSeconds(60)).until(() -> orders.stream().allMatch(order -> !published.of(order).isEmpty()));
            for (String order : orders) {
                assertThat(published.of(order)).as("outcome of " + order).singleElement()
                        .satisfies(event -> assertThat(event.type()).isEqualTo("PaymentCompleted"));
                assertThat(service.http().ledger(order)).as("gateway entries of " + order).singleElement()
                        .satisfies(entry -> assertThat(entry.get("outcome").asText()).isEqualTo("APPROVED"));
            }
        }
    }
}
