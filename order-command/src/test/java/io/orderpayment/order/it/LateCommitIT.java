package io.orderpayment.order.it;

import io.orderpayment.api.order.OrderLine;
import io.orderpayment.api.order.PlaceOrder;
import io.orderpayment.axon.transaction.EventStoringTransaction;
import io.orderpayment.order.operations.SagaAudit;
import io.orderpayment.outbox.audit.OutboxAudit;
import io.orderpayment.testsupport.RabbitProbe;
import io.orderpayment.testsupport.TestInfrastructure;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.orderpayment.order.it.ForwarderAssertions.eventDelivered;
import static io.orderpayment.order.it.ForwarderAssertions.paymentRequestedDelivered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two orders' transactions take their global indexes, then wait; the second commits first, once its
 * event is older than the gap timeout. Axon's readers (the forwarder and the saga) then no longer
 * wait for the first index, and pass over the first order's OrderPlaced for good when it commits.
 * The audits find it: the outbox audit publishes it, the saga audit starts its saga, which requests
 * the payment.
 */
class LateCommitIT {

    private static final TestInfrastructure INFRASTRUCTURE = new TestInfrastructure("late_commit");
    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(1);
    private static final String ADMIN_PASSWORD = "late-commit-admin";

    private RabbitProbe consumer;

    @BeforeEach
    void setUp() {
        consumer = INFRASTRUCTURE.resetWithConsumer();
    }

    @AfterEach
    void tearDown() {
        consumer.close();
    }

    @Test
    void anEventCommittedAfterTheReadersGaveUpOnItsGapIsStillForwardedAndActedOn() throws Exception {
        try (OrderServiceInstance service = OrderServiceInstance.start(INFRASTRUCTURE, Map.of(
                "app.event-store.gap-timeout", GAP_TIMEOUT.toMillis() + "ms",
                "app.outbox.audit.interval", "300ms",
                "app.saga.audit-interval", "300ms",
                "app.admin.password", ADMIN_PASSWORD))) {
            String early = service.http().placeOrder("early-customer");
            await().atMost(Duration.ofSeconds(30)).until(() -> paymentRequestedDelivered(consumer, List.of(early)).size() == 1);

            HeldTransaction late = HeldTransaction.placeOrder(service, "late-customer");
            HeldTransaction next = HeldTransaction.placeOrder(service, "next-customer");
            await().atMost(GAP_TIMEOUT.multipliedBy(5)).until(() -> Instant.now().isAfter(next.stored.plus(GAP_TIMEOUT)));
            next.commit();
            await().atMost(Duration.ofSeconds(30)).until(() -> paymentRequestedDelivered(consumer, List.of(next.orderId)).size() == 1);
            late.commit();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(eventDelivered(consumer, "OrderPlaced", List.of(late.orderId))).as("the late OrderPlaced was published")
                        .containsExactly(late.orderId);
                assertThat(paymentRequestedDelivered(consumer, List.of(late.orderId))).as("its payment was requested")
                        .containsExactly(late.orderId);
                // Counted once each audit's transaction has committed, which may be just after its message arrived.
                assertThat(service.bean(OutboxAudit.class).republished()).as("events the outbox audit found skipped")
                        .isEqualTo(1);
                assertThat(service.bean(SagaAudit.class).started()).as("sagas the saga audit started").isEqualTo(1);
            });
        }
    }

    @Test
    void operatorsRunTheAuditsOnDemand() {
        try (OrderServiceInstance service = OrderServiceInstance.start(INFRASTRUCTURE, Map.of(
                "app.admin.password", ADMIN_PASSWORD))) {
            OrderHttp.Response outbox = service.http().post("/admin/outbox/audit", "", OrderHttp.admin(ADMIN_PASSWORD));
            assertThat(outbox.status()).isEqualTo(200);
            assertThat(outbox.json().get("ran").asBoolean()).isTrue();
            assertThat(outbox.json().get("republished")).isEmpty();

            OrderHttp.Response sagas = service.http().post("/admin/sagas/audit", "", OrderHttp.admin(ADMIN_PASSWORD));
            assertThat(sagas.status()).isEqualTo(200);
            assertThat(sagas.json().get("sagasStarted")).isEmpty();

            assertThat(service.http().post("/admin/outbox/audit", "", Map.of()).status()).as("anonymous").isEqualTo(401);
        }
    }

    /** An order placed in a transaction that has stored its OrderPlaced and waits for the test to commit it. */
    private static final class HeldTransaction {

        private final String orderId = UUID.randomUUID().toString();
        private final CountDownLatch commit = new CountDownLatch(1);
        private CompletableFuture<Void> transaction;
        private Instant stored;

        static HeldTransaction placeOrder(OrderServiceInstance service, String customerId) throws Exception {
            HeldTransaction held = new HeldTransaction();
            CountDownLatch storedLatch = new CountDownLatch(1);
            held.transaction = CompletableFuture.runAsync(() -> service.bean(EventStoringTransaction.class).execute(() -> {
                service.bean(CommandGateway.class).sendAndWait(new PlaceOrder(held.orderId, customerId, "pm-1",
                        List.of(new OrderLine("book", 1, new BigDecimal("10.00"))), "EUR"));
                // Registered after the command, so it runs after the event store appended OrderPlaced.
                CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> {
                    held.stored = Instant.now();
                    storedLatch.countDown();
                    awaitQuietly(held.commit);
                });
                return null;
            }));
            assertThat(storedLatch.await(30, TimeUnit.SECONDS)).as("OrderPlaced stored").isTrue();
            return held;
        }

        void commit() throws Exception {
            commit.countDown();
            transaction.get(30, TimeUnit.SECONDS);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the late transaction commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
