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
 * Persistent payment deadlines across the two packaged services, with a deadline of 8 seconds:
 * orders nobody paid in time are cancelled, deadlines survive a crash of the order service, and
 * money that arrives after the cancellation goes back.
 */
class PaymentDeadlineIT {

    private static final Duration DEADLINE = Duration.ofSeconds(8);
    private static final Duration SETTLES = Duration.ofSeconds(90);

    private static TwoServices services;
    private static SystemHttp http;
    private String customer;

    @BeforeAll
    static void startBothServices() {
        services = TwoServices.start("e2e_deadline",
                Map.of("app.saga.payment-deadline", DEADLINE.toSeconds() + "s", "app.saga.retry-backoff", "1s"),
                // Well past the deadline, so a stopped payment service finds its requests still waiting (and refuses
                // them for their deadline) rather than expired, however slowly a loaded machine restarts it.
                Map.of("app.queues.payment-request-ttl", "2m"));
        http = services.http();
    }

    @AfterAll
    static void stopBothServices() {
        services.close();
    }

    @BeforeEach
    void bothRunningAndAFreshCustomer() {
        customer = "customer-" + UUID.randomUUID();
        if (!services.orderService().running()) {
            services.orderService().start();
        }
        if (!services.paymentService().running()) {
            services.paymentService().start();
        }
        http.gateway(false, "0ms");
    }

    @Test
    void ordersNobodyCouldPayBeforeTheDeadlineAreCancelledAndNothingStaysCharged() {
        String method = http.registerPaymentMethod(customer, "tok_ok");
        services.paymentService().stop();
        List<String> orders = placeOrders(method, 5);

        for (String order : orders) {
            JsonNode cancelled = http.awaitFinal(order, SETTLES);
            assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
            assertThat(cancelled.get("cancellationReason").asText()).isEqualTo("PAYMENT_TIMEOUT");
        }

        services.paymentService().start();

        for (String order : orders) {
            // The payment service takes the stale request, refuses it for its passed deadline, and charges nothing.
            await().atMost(SETTLES).until(() -> http.payments(order),
                    attempts -> !attempts.isEmpty() && attempts.stream().allMatch(attempt -> "FAILED".equals(attempt.get("status").asText())));
            assertThat(http.payments(order)).allSatisfy(attempt ->
                    assertThat(attempt.get("failureReason").asText()).isEqualTo("DEADLINE_PASSED"));
            assertThat(Ledger.of(http, order).charges()).isZero();
            assertThat(http.order(order).get("status").asText()).isEqualTo("CANCELLED");
        }
    }

    @Test
    void deadlinesPendingWhenTheOrderServiceIsKilledStillFireAfterItStartsAgain() {
        String method = http.registerPaymentMethod(customer, "tok_ok");
        services.paymentService().stop();
        List<String> orders = placeOrders(method, 5);

        services.orderService().kill();
        services.orderService().start();

        for (String order : orders) {
            JsonNode cancelled = http.awaitFinal(order, SETTLES);
            assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
            assertThat(cancelled.get("cancellationReason").asText()).isEqualTo("PAYMENT_TIMEOUT");
        }
    }

    @Test
    void aPaymentCompletingAfterTheDeadlineIsRefunded() {
        String method = http.registerPaymentMethod(customer, "tok_ok");
        // The charge starts in time and takes longer than the deadline leaves.
        http.gateway(false, DEADLINE.plusSeconds(4).toSeconds() + "s");
        String order = http.placeOrder(customer, method);

        JsonNode cancelled = http.awaitFinal(order, SETTLES);
        assertThat(cancelled.get("cancellationReason").asText()).isEqualTo("PAYMENT_TIMEOUT");

        JsonNode refunded = await().atMost(SETTLES).pollInterval(Duration.ofMillis(500))
                .until(() -> http.order(order), view -> "REFUNDED".equals(view.path("refundStatus").asText()));
        assertThat(refunded.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(Ledger.of(http, order)).isEqualTo(new Ledger(1, 1));
    }

    @Test
    void aPaymentCompletingAfterTheCustomerCancelledIsRefunded() {
        String method = http.registerPaymentMethod(customer, "tok_ok");
        http.gateway(false, "3s");
        String order = http.placeOrder(customer, method);
        await().atMost(SETTLES).until(() -> http.order(order).get("paymentAttempts").asInt() == 1);

        http.cancel(order);

        JsonNode refunded = await().atMost(SETTLES).pollInterval(Duration.ofMillis(500))
                .until(() -> http.order(order), view -> "REFUNDED".equals(view.path("refundStatus").asText()));
        assertThat(refunded.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(refunded.get("cancellationReason").asText()).isEqualTo("CUSTOMER_REQUEST");
        assertThat(Ledger.of(http, order)).isEqualTo(new Ledger(1, 1));
    }

    private List<String> placeOrders(String method, int count) {
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            orders.add(http.placeOrder(customer, method));
        }
        return orders;
    }
}
