package io.orderpayment.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of each service on one database and broker. Customers order through both order
 * instances; mid-stream one instance of each is killed with SIGKILL, and its customers go on
 * through the other, with the same Idempotency-Key until accepted. Every order ends final with the
 * money right, and every next-attempt deadline (orders whose gateway always fails) fires once: a
 * deadline the killed instance was firing may be fired again by the other, so for orders placed
 * just before the kill the logs may show it twice, never more, and its effect is still once.
 */
class ScaleOutIT {

    private static final int MAX_ATTEMPTS = 3;
    private static TwoServices services;

    @BeforeAll
    static void startTwoInstancesOfEach() {
        services = TwoServices.start("e2e_scale_out",
                Map.of("app.saga.retry-backoff", "1s", "app.saga.max-attempts", MAX_ATTEMPTS,
                        "app.outbox.balance-interval", "1s"),
                Map.of("app.payment.gateway.retry-pause", "10ms"), 2);
    }

    @AfterAll
    static void stopThem() {
        services.close();
    }

    @Test
    void everyOrderEndsRightWhenAnInstanceOfEachServiceIsKilledMidStream() throws Exception {
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String customer = "scale-" + UUID.randomUUID();
            String token = i == 3 ? "tok_gateway_error" : "tok_ok";
            customers.add(new Customer(customer, token, services.http(0).registerPaymentMethod(customer, token), i % 2));
        }
        List<Placed> placed = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean ordering = new AtomicBoolean(true);
        AtomicBoolean secondInstancesAlive = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(customers.size());
        for (Customer customer : customers) {
            clients.submit(() -> orderUntilStopped(customer, placed, ordering, secondInstancesAlive));
        }
        Instant killed;
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> placed.size() >= 40);
            killed = Instant.now();
            services.orderService(1).kill();
            services.paymentService(1).kill();
            secondInstancesAlive.set(false);
            int atKill = placed.size();
            await().atMost(Duration.ofSeconds(60)).until(() -> placed.size() >= atKill + 40);
        } finally {
            ordering.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        SystemHttp survivor = services.http(0);
        for (Placed order : placed) {
            JsonNode view = survivor.awaitFinal(order.orderId(), Duration.ofSeconds(120));
            Ledger ledger = Ledger.of(survivor, order.orderId());
            if (order.customer().token().equals("tok_ok")) {
                assertThat(view.get("status").asText()).as(order.orderId()).isEqualTo("CONFIRMED");
                assertThat(ledger.charges()).as("charges of " + order.orderId()).isEqualTo(1);
                assertThat(ledger.kept()).as("kept by " + order.orderId()).isEqualTo(1);
            } else {
                assertThat(view.get("cancellationReason").asText()).as(order.orderId()).isEqualTo("PAYMENT_ATTEMPTS_EXHAUSTED");
                assertThat(view.get("paymentAttempts").asInt()).isEqualTo(MAX_ATTEMPTS);
                assertThat(ledger.kept()).as("kept by " + order.orderId()).isZero();
                assertThat(survivor.payments(order.orderId())).as("attempts of " + order.orderId())
                        .extracting(payment -> payment.get("attempt").asInt()).containsExactlyInAnyOrder(1, 2, 3);
                // Attempts 2 and 3 are due 1 s and 3 s after the first fails.
                boolean firedAroundTheKill = order.at().isAfter(killed.minusSeconds(10)) && order.at().isBefore(killed);
                for (int attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
                    long fired = nextAttemptsRequested(order.orderId(), attempt);
                    String what = "deadline of attempt " + attempt + " of " + order.orderId() + " fired, in both instances' logs";
                    if (firedAroundTheKill) {
                        assertThat(fired).as(what).isBetween(1L, 2L);
                    } else {
                        assertThat(fired).as(what).isEqualTo(1);
                    }
                }
            }
        }
        assertThat(placed.stream().filter(order -> order.customer().token().equals("tok_gateway_error"))).isNotEmpty();
        assertThat(placed.stream().map(Placed::orderId).distinct().count()).as("one order per key").isEqualTo(placed.size());
    }

    private static void orderUntilStopped(Customer customer, List<Placed> placed, AtomicBoolean ordering,
                                          AtomicBoolean secondInstancesAlive) {
        while (ordering.get()) {
            String key = UUID.randomUUID().toString();
            Optional<String> order = Optional.empty();
            for (int tries = 0; order.isEmpty() && tries < 200; tries++) {
                int instance = secondInstancesAlive.get() ? customer.instance() : 0;
                order = services.http(instance).tryPlaceOrder(customer.id(), customer.paymentMethod(), key);
            }
            placed.add(new Placed(customer, key, order.orElseThrow(), Instant.now()));
        }
    }

    /** Lines in which a next-attempt deadline of the order asks for {@code attempt}, in every order instance's log. */
    private static long nextAttemptsRequested(String orderId, int attempt) throws IOException {
        long lines = 0;
        for (int instance = 0; instance < 2; instance++) {
            try (var log = Files.lines(services.orderServiceLog(instance))) {
                lines += log.filter(line -> line.contains("order=" + orderId)
                        && line.contains("Requesting payment attempt " + attempt)).count();
            }
        }
        return lines;
    }

    private record Customer(String id, String token, String paymentMethod, int instance) {
    }

    private record Placed(Customer customer, String idempotencyKey, String orderId, Instant at) {
    }
}
