package io.orderpayment.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of each service on one database and broker. Customers order through both order
 * instances; mid-stream one instance of each is killed with SIGKILL, and its customers go on
 * through the other, with the same Idempotency-Key until accepted. Every order ends final with the
 * money right, and every next-attempt deadline (orders whose gateway always fails) fires once: a
 * deadline the killed instance was firing may be fired again by the other (once in each log), and
 * its effect still happens once.
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
        AtomicBoolean secondInstancesAlive = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(customers.size());
        List<Future<?>> ordering = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        for (Customer customer : customers) {
            ordering.add(clients.submit(() -> orderUntilStopped(customer, placed, stop, secondInstancesAlive)));
        }
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> placed.size() >= 40);
            // Customers of the second instances go to the first from now on; a request under way when the
            // instance dies is tried again on the first, under its key.
            secondInstancesAlive.set(false);
            services.orderService(1).kill();
            services.paymentService(1).kill();
            int atKill = placed.size();
            await().atMost(Duration.ofSeconds(60)).until(() -> placed.size() >= atKill + 40);
        } finally {
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        for (Future<?> customer : ordering) {
            customer.get(); // a customer whose order was never accepted fails the test here
        }
        assertThat(placed).as("orders placed through the second instances before the kill")
                .anyMatch(order -> order.instance() == 1);
        assertThat(placed).as("orders of its customers placed through the first after it")
                .anyMatch(order -> order.customer().instance() == 1 && order.instance() == 0);

        SystemHttp survivor = services.http(0);
        AtomicInteger firedAgainAfterTheKill = new AtomicInteger();
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
                for (int attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
                    String what = "deadline of attempt " + attempt + " of " + order.orderId() + " fired";
                    long bySurvivor = nextAttemptsRequested(order.orderId(), attempt, 0);
                    long byKilled = nextAttemptsRequested(order.orderId(), attempt, 1);
                    // One the killed instance was firing is fired again by the survivor: at most once each.
                    assertThat(bySurvivor).as(what + " by the surviving instance").isLessThanOrEqualTo(1);
                    assertThat(byKilled).as(what + " by the killed instance").isLessThanOrEqualTo(1);
                    assertThat(bySurvivor + byKilled).as(what).isGreaterThanOrEqualTo(1);
                    if (byKilled == 1 && bySurvivor == 1) {
                        firedAgainAfterTheKill.incrementAndGet();
                    }
                }
            }
        }
        assertThat(placed.stream().filter(order -> order.customer().token().equals("tok_gateway_error"))).isNotEmpty();
        // Only a deadline due when the instance died can have been fired by both; a handful at most.
        assertThat(firedAgainAfterTheKill.get()).isLessThanOrEqualTo(2);
        assertThat(placed.stream().map(Placed::orderId).distinct().count()).as("one order per key").isEqualTo(placed.size());
    }

    /** Orders one after another, each tried again under its key every 100 ms until an instance accepts it. */
    private static void orderUntilStopped(Customer customer, List<Placed> placed, AtomicBoolean stop,
                                          AtomicBoolean secondInstancesAlive) {
        while (!stop.get()) {
            String key = UUID.randomUUID().toString();
            AtomicReference<Placed> accepted = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        int instance = secondInstancesAlive.get() ? customer.instance() : 0;
                        services.http(instance).tryPlaceOrder(customer.id(), customer.paymentMethod(), key)
                                .ifPresent(orderId -> accepted.set(new Placed(customer, key, orderId, instance)));
                        return accepted.get() != null;
                    });
            placed.add(accepted.get());
        }
    }

    /** Lines in which a next-attempt deadline of the order asks for {@code attempt}, in one order instance's log. */
    private static long nextAttemptsRequested(String orderId, int attempt, int instance) throws IOException {
        try (var log = Files.lines(services.orderServiceLog(instance))) {
            return log.filter(line -> line.contains("order=" + orderId)
                    && line.contains("Requesting payment attempt " + attempt)).count();
        }
    }

    private record Customer(String id, String token, String paymentMethod, int instance) {
    }

    /** @param instance the order instance that accepted it */
    private record Placed(Customer customer, String idempotencyKey, String orderId, int instance) {
    }
}
