package io.orderpayment.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The order–payment process across the two packaged services (docs/architecture.md), acting only over HTTP and
 * by stopping and starting the services. The payment deadline (120s) is long enough not to
 * interfere; the backoff (2s, then 4s) leaves time to end an outage between attempts; payment
 * requests expire after 10s in the broker, so a stopped payment service can outlast them.
 */
class OrderPaymentIT {

    private static final Duration SETTLES = Duration.ofSeconds(60);
    private static final Duration REQUEST_TTL = Duration.ofSeconds(10);

    private static TwoServices services;
    private static SystemHttp http;
    private String customer;

    @BeforeAll
    static void startBothServices() {
        services = TwoServices.start("e2e_process",
                Map.of("app.saga.payment-deadline", "120s", "app.saga.retry-backoff", "2s", "app.saga.max-attempts", "3"),
                Map.of("app.queues.payment-request-ttl", REQUEST_TTL.toSeconds() + "s"));
        http = services.http();
    }

    @AfterAll
    static void stopBothServices() {
        services.close();
    }

    @BeforeEach
    void newCustomer() {
        customer = "customer-" + UUID.randomUUID();
        if (!services.paymentService().running()) {
            services.paymentService().start();
        }
        http.gateway(false, "0ms");
    }

    @Test
    void anApprovedPaymentConfirmsTheOrderAndChargesItOnce() {
        String order = http.placeOrder(customer, http.registerPaymentMethod(customer, "tok_ok"));

        JsonNode confirmed = http.awaitFinal(order, SETTLES);

        assertThat(confirmed.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("paymentAttempts").asInt()).isEqualTo(1);
        assertThat(charges(order)).isEqualTo(1);
        assertThat(refunds(order)).isZero();
        JsonNode history = http.operatorHistory(order);
        assertThat(history.get("missing")).isEmpty();
        assertThat(history.get("events").findValuesAsText("event"))
                .containsExactly("OrderPlaced", "PaymentRequested", "PaymentCompleted", "OrderPaid", "OrderConfirmed");
        assertThat(history.get("events").findValuesAsText("service")).containsExactly(
                "order-service", "order-service", "payment-service", "order-service", "order-service");
    }

    @Test
    void aHardDeclineCancelsAtOnceWithoutRetrying() {
        String order = http.placeOrder(customer, http.registerPaymentMethod(customer, "tok_insufficient_funds"));

        JsonNode cancelled = http.awaitFinal(order, SETTLES);

        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("cancellationReason").asText()).isEqualTo("PAYMENT_DECLINED");
        assertThat(cancelled.get("lastPaymentFailure").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(cancelled.get("paymentAttempts").asInt()).isEqualTo(1);
        assertThat(charges(order)).isZero();
    }

    @Test
    void aGatewayThatKeepsFailingCancelsAfterThreeAttempts() {
        String order = http.placeOrder(customer, http.registerPaymentMethod(customer, "tok_gateway_error"));

        JsonNode cancelled = http.awaitFinal(order, SETTLES);

        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("cancellationReason").asText()).isEqualTo("PAYMENT_ATTEMPTS_EXHAUSTED");
        assertThat(cancelled.get("lastPaymentFailure").asText()).isEqualTo("GATEWAY_ERROR");
        assertThat(cancelled.get("paymentAttempts").asInt()).isEqualTo(3);
        assertThat(charges(order)).isZero();
    }

    @Test
    void anOutageEndedBeforeTheDeadlineEndsInConfirmation() {
        String method = http.registerPaymentMethod(customer, "tok_ok");
        http.gateway(true, "0ms");
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            orders.add(http.placeOrder(customer, method));
        }
        await().atMost(SETTLES).until(() -> orders.stream().allMatch(order ->
                "GATEWAY_UNAVAILABLE".equals(http.order(order).path("lastPaymentFailure").asText())));

        http.gateway(false, "0ms");

        for (String order : orders) {
            JsonNode confirmed = http.awaitFinal(order, SETTLES);
            assertThat(confirmed.get("status").asText()).isEqualTo("CONFIRMED");
            assertThat(confirmed.get("paymentAttempts").asInt()).isBetween(2, 3);
            assertThat(charges(order)).isEqualTo(1);
        }
    }

    @Test
    void ordersPlacedWhileThePaymentServiceIsStoppedAreAllPaidOnceItIsBack() {
        String method = http.registerPaymentMethod(customer, "tok_ok");
        services.paymentService().stop();

        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            orders.add(http.placeOrder(customer, method));
        }
        assertThat(orders).allSatisfy(order -> assertThat(http.order(order).get("status").asText()).isEqualTo("PENDING"));

        services.paymentService().start();

        for (String order : orders) {
            assertThat(http.awaitFinal(order, SETTLES).get("status").asText()).isEqualTo("CONFIRMED");
            assertThat(charges(order)).as("charges of order %s", order).isEqualTo(1);
            assertThat(refunds(order)).isZero();
        }
    }

    @Test
    void ordersWhoseRequestsExpiredWhileThePaymentServiceWasStoppedArePaidOnceItIsBack() {
        String method = http.registerPaymentMethod(customer, "tok_ok");
        services.paymentService().stop();
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            orders.add(http.placeOrder(customer, method));
        }
        // The broker dead-letters the unread requests after their time-to-live, long before the order deadline.
        await().atMost(REQUEST_TTL.plus(SETTLES)).until(() ->
                services.waitingPaymentRequests() == 0 && services.deadLetteredPaymentRequests() >= orders.size());

        services.paymentService().start();

        for (String order : orders) {
            assertThat(http.awaitFinal(order, SETTLES).get("status").asText()).isEqualTo("CONFIRMED");
            List<JsonNode> attempts = http.payments(order);
            assertThat(attempts).anySatisfy(attempt -> {
                assertThat(attempt.get("attempt").asInt()).isEqualTo(1);
                assertThat(attempt.get("failureReason").asText()).isEqualTo("REQUEST_EXPIRED");
            });
            assertThat(attempts).filteredOn(attempt -> "COMPLETED".equals(attempt.get("status").asText())).hasSize(1);
            assertThat(charges(order)).isEqualTo(1);
            assertThat(refunds(order)).isZero();
        }
    }

    private static long charges(String order) {
        return Ledger.of(http, order).charges();
    }

    private static long refunds(String order) {
        return Ledger.of(http, order).refunds();
    }
}
