package io.orderpayment.payment.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderpayment.api.Money;
import io.orderpayment.api.order.PaymentRequested;
import io.orderpayment.api.order.RefundRequested;
import io.orderpayment.api.payment.ChargePayment;
import io.orderpayment.inbox.jdbc.InboxPurge;
import io.orderpayment.testsupport.PrometheusScrape;
import io.orderpayment.testsupport.RabbitProbe;
import io.orderpayment.testsupport.TestInfrastructure;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The payment service against the real PostgreSQL, RabbitMQ and Redis: payment requests published
 * on the orders exchange, outcomes consumed from the payments exchange, charges read from the
 * gateway's ledger.
 */
class PaymentProcessingIT {

    private static final TestInfrastructure INFRASTRUCTURE = new TestInfrastructure("payment_processing");
    private static final Duration DEADLINE = Duration.ofMinutes(15);

    private static OrderSide orderSide;
    private static RabbitProbe probe;
    private static PublishedPaymentEvents published;
    private static PaymentServiceInstance service;
    private static PaymentHttp http;

    @BeforeAll
    static void start() {
        orderSide = new OrderSide(INFRASTRUCTURE);
        orderSide.reset();
        probe = INFRASTRUCTURE.resetWithConsumer();
        published = new PublishedPaymentEvents(probe);
        service = PaymentServiceInstance.start(INFRASTRUCTURE, Map.of(
                "app.payment.gateway.retry-pause", "10ms",
                "app.payment.redelivery-pause", "100ms"));
        http = service.http();
    }

    @AfterAll
    static void stop() {
        service.close();
        probe.close();
    }

    private static String newOrder() {
        return "order-" + UUID.randomUUID();
    }

    private static List<JsonNode> approvedCharges(String orderId) {
        return stream(http.ledger(orderId)).stream()
                .filter(entry -> entry.get("kind").asText().equals("CHARGE") && entry.get("outcome").asText().equals("APPROVED"))
                .toList();
    }

    private static List<JsonNode> refunds(String orderId) {
        return stream(http.ledger(orderId)).stream().filter(entry -> entry.get("kind").asText().equals("REFUND")).toList();
    }

    private static List<JsonNode> stream(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }

    private static PublishedPaymentEvents.Event awaitOutcome(String orderId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !published.of(orderId).isEmpty());
        return published.of(orderId).get(0);
    }

    @Test
    void tokOkIsChargedOnceAndCompleted() {
        Instant before = Instant.now().minusSeconds(1);
        String orderId = newOrder();
        String method = http.registerPaymentMethod("c-ok", "tok_ok");
        PaymentRequested request = OrderSide.request(orderId, 1, "c-ok", method, DEADLINE);

        orderSide.publish(request);

        PublishedPaymentEvents.Event event = awaitOutcome(orderId);
        assertThat(event.type()).isEqualTo("PaymentCompleted");
        assertThat(event.routingKey()).isEqualTo("payment.completed");
        assertThat(event.body().get("paymentId").asText()).isEqualTo(request.paymentId());
        assertThat(event.body().get("attempt").asInt()).isEqualTo(1);
        assertThat(event.body().at("/amount/amount").decimalValue()).as("charged as requested, to the cent")
                .isEqualTo(new BigDecimal("25.00"));
        assertThat(event.body().get("chargeId").asText()).startsWith("ch_");
        assertThat(approvedCharges(orderId)).singleElement()
                .satisfies(charge -> assertThat(charge.get("idempotencyKey").asText()).isEqualTo(request.paymentId()));
        JsonNode payments = http.get("/payments?orderId=" + orderId).body();
        assertThat(payments).hasSize(1);
        assertThat(payments.get(0).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(payments.get(0).get("failureReason").isNull()).isTrue();
        assertThat(stream(http.admin("GET", "/admin/gateway/ledger?since=" + before, null).body()))
                .as("the ledger since the test began").anySatisfy(entry -> assertThat(entry.get("orderId").asText()).isEqualTo(orderId));
    }

    /**
     * The event store wakes the forwarder in the charge's after-commit step; were the outcome not
     * committed by then, the forwarder would find nothing and the order wait a second for its outcome.
     */
    @Test
    void aChargesOutcomeIsCommittedWhenTheForwarderIsWoken() {
        String orderId = newOrder();
        String method = http.registerPaymentMethod("c-wake", "tok_ok");
        PaymentRequested request = OrderSide.request(orderId, 1, "c-wake", method, DEADLINE);
        DataSource dataSource = service.bean(DataSource.class);
        Map<String, Boolean> committedAfterCommit = new ConcurrentHashMap<>();
        Registration interceptor = service.bean(CommandBus.class).registerHandlerInterceptor((unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof ChargePayment charge && charge.orderId().equals(orderId)) {
                unitOfWork.afterCommit(u -> committedAfterCommit.put(charge.paymentId(),
                        storedEvents(dataSource, charge.paymentId()) > 0));
            }
            return chain.proceed();
        });
        try {
            orderSide.publish(request);

            assertThat(awaitOutcome(orderId).type()).isEqualTo("PaymentCompleted");
            assertThat(committedAfterCommit).containsEntry(request.paymentId(), true);
        } finally {
            interceptor.cancel();
        }
    }

    /** On a connection of its own: the transaction that stores the events may still be open on the caller's thread. */
    private static int storedEvents(DataSource dataSource, String aggregateId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select count(*) from domain_event_entry where aggregate_identifier = ?")) {
            query.setString(1, aggregateId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void operatorsSeeAnOrdersPaymentEventsAndTheAttemptsCounted() {
        String orderId = newOrder();
        String method = http.registerPaymentMethod("c-ops", "tok_ok");
        PaymentRequested request = OrderSide.request(orderId, 1, "c-ops", method, DEADLINE);
        orderSide.publish(request);
        awaitOutcome(orderId);

        PaymentHttp.Response events = http.admin("GET", "/admin/orders/" + orderId + "/events", null);

        assertThat(events.status()).isEqualTo(200);
        assertThat(stream(events.body())).singleElement().satisfies(event -> {
            assertThat(event.get("service").asText()).isEqualTo("payment-service");
            assertThat(event.get("aggregateId").asText()).isEqualTo(request.paymentId());
            assertThat(event.get("event").asText()).isEqualTo("PaymentCompleted");
            assertThat(event.at("/details/orderId").asText()).isEqualTo(orderId);
        });
        assertThat(http.anonymousAdmin("GET", "/admin/orders/" + orderId + "/events", null).status()).isEqualTo(401);
        assertThat(http.admin("GET", "/admin/orders/" + newOrder() + "/events", null).body()).isEmpty();
        assertThat(PrometheusScrape.value(http.text("/actuator/prometheus"),
                "payments_attempts_total{application=\"payment-service\",outcome=\"COMPLETED\",reason=\"none\"}"))
                .isGreaterThanOrEqualTo(1);
        JsonNode health = http.get("/actuator/health").body();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/confirmCache/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/outboxForwarder/status").asText()).isEqualTo("UP");
    }

    @Test
    void tokInsufficientFundsIsAHardDecline() {
        String orderId = newOrder();
        String method = http.registerPaymentMethod("c-poor", "tok_insufficient_funds");

        orderSide.publish(OrderSide.request(orderId, 1, "c-poor", method, DEADLINE));

        PublishedPaymentEvents.Event event = awaitOutcome(orderId);
        assertThat(event.type()).isEqualTo("PaymentFailed");
        assertThat(event.body().get("reason").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(event.body().get("retryable").asBoolean()).isFalse();
        assertThat(approvedCharges(orderId)).isEmpty();
        assertThat(http.get("/payments?orderId=" + orderId).body().get(0).get("failureReason").asText())
                .isEqualTo("INSUFFICIENT_FUNDS");
    }

    @Test
    void tokGatewayErrorIsReportedRetryableWithinOneDelivery() {
        String orderId = newOrder();
        String method = http.registerPaymentMethod("c-flaky", "tok_gateway_error");

        orderSide.publish(OrderSide.request(orderId, 1, "c-flaky", method, DEADLINE));

        PublishedPaymentEvents.Event event = awaitOutcome(orderId);
        assertThat(event.type()).isEqualTo("PaymentFailed");
        assertThat(event.body().get("reason").asText()).isEqualTo("GATEWAY_ERROR");
        assertThat(event.body().get("retryable").asBoolean()).isTrue();
        assertThat(GatewayFaults.chargeCalls(orderId)).as("deliveries: the retries happen within the first").isEqualTo(1);
        assertThat(http.ledger(orderId)).isEmpty();
    }

    @Test
    void anUnknownPaymentMethodOrSomeoneElsesIsAHardDecline() {
        String unknown = newOrder();
        String someoneElses = newOrder();
        String method = http.registerPaymentMethod("c-owner", "tok_ok");

        orderSide.publish(OrderSide.request(unknown, 1, "c-1", "pm_does_not_exist", DEADLINE));
        orderSide.publish(OrderSide.request(someoneElses, 1, "c-thief", method, DEADLINE));

        for (String orderId : List.of(unknown, someoneElses)) {
            PublishedPaymentEvents.Event event = awaitOutcome(orderId);
            assertThat(event.body().get("reason").asText()).isEqualTo("INVALID_PAYMENT_METHOD");
            assertThat(event.body().get("retryable").asBoolean()).isFalse();
            assertThat(http.ledger(orderId)).isEmpty();
        }
    }

    @Test
    void aRequestPastItsDeadlineIsNotCharged() {
        String orderId = newOrder();
        String method = http.registerPaymentMethod("c-late", "tok_ok");

        orderSide.publish(OrderSide.request(orderId, 1, "c-late", method, Duration.ofSeconds(-1)));

        PublishedPaymentEvents.Event event = awaitOutcome(orderId);
        assertThat(event.body().get("reason").asText()).isEqualTo("DEADLINE_PASSED");
        assertThat(http.ledger(orderId)).isEmpty();
    }

    @Test
    void theSameRequestDeliveredAgainIsChargedOnce() {
        String orderId = newOrder();
        String method = http.registerPaymentMethod("c-dup", "tok_ok");
        PaymentRequested request = OrderSide.request(orderId, 1, "c-dup", method, DEADLINE);
        String eventId = orderSide.publish(request);
        awaitOutcome(orderId);

        orderSide.publish(request, eventId);

        await().atMost(Duration.ofSeconds(20)).until(() -> MessageClaims.of(eventId) == 2);
        assertChargedAndCompletedOnce(orderId, request.paymentId());
    }

    @Test
    void aDuplicateArrivingAfterItsInboxRecordWasPurgedStillChargesNothing() {
        String orderId = newOrder();
        String method = http.registerPaymentMethod("c-late-dup", "tok_ok");
        PaymentRequested request = OrderSide.request(orderId, 1, "c-late-dup", method, DEADLINE);
        String eventId = orderSide.publish(request);
        awaitOutcome(orderId);
        assertThat(service.bean(InboxPurge.class).purgeOlderThan(Duration.ZERO)).isPositive();

        orderSide.publish(request, eventId);

        await().atMost(Duration.ofSeconds(20)).until(() -> MessageClaims.of(eventId) == 2);
        assertChargedAndCompletedOnce(orderId, request.paymentId());
    }

    @Test
    void theSameRequestDeliveredToTwoConsumersAtOnceIsChargedOnce() {
        String orderId = newOrder();
        String method = http.registerPaymentMethod("c-twice", "tok_ok");
        PaymentRequested request = OrderSide.request(orderId, 1, "c-twice", method, DEADLINE);
        // With a slow gateway the first delivery is still charging when the second one arrives.
        http.admin("PUT", "/admin/gateway", "{\"latency\":\"300ms\"}");
        try {
            String eventId = orderSide.publish(request);
            orderSide.publish(request, eventId);

            await().atMost(Duration.ofSeconds(20)).until(() -> MessageClaims.of(eventId) == 2);
            assertThat(MessageClaims.longestWait(eventId)).as("one delivery waited for the other's transaction")
                    .isGreaterThan(Duration.ofMillis(200));
        } finally {
            http.admin("PUT", "/admin/gateway", "{\"latency\":\"0ms\"}");
        }
        assertChargedAndCompletedOnce(orderId, request.paymentId());
    }

    private static void assertChargedAndCompletedOnce(String orderId, String paymentId) {
        assertThat(approvedCharges(orderId)).hasSize(1);
        assertThat(INFRASTRUCTURE.database().queryForObject("""
                select count(*) from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%.PaymentCompleted'""", Integer.class, paymentId))
                .isEqualTo(1);
        // Held for a while: a duplicate that wrongly got through would be charged or published late.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(20)).until(() ->
                published.of(orderId).size() == 1 && approvedCharges(orderId).size() == 1);
        assertThat(published.of(orderId, "PaymentCompleted")).hasSize(1);
    }

    @Test
    void aCrashBetweenTheGatewayChargeAndTheCommitChargesOnce() {
        String orderId = newOrder();
        String method = http.registerPaymentMethod("c-crash", "tok_ok");
        GatewayFaults.failAfterCharge(orderId, GatewayFaults.Fault.ONCE);

        orderSide.publish(OrderSide.request(orderId, 1, "c-crash", method, DEADLINE));

        PublishedPaymentEvents.Event event = awaitOutcome(orderId);
        assertThat(event.type()).isEqualTo("PaymentCompleted");
        assertThat(GatewayFaults.chargeCalls(orderId)).as("deliveries that reached the gateway").isEqualTo(2);
        assertThat(approvedCharges(orderId)).singleElement()
                .satisfies(charge -> assertThat(charge.get("entryId").asText()).isEqualTo(event.body().get("chargeId").asText()));
    }

    @Test
    void aRequestFailingOnEveryDeliveryIsDeadLetteredAfterThreeAndKeepsNoMoney() {
        String orderId = newOrder();
        String method = http.registerPaymentMethod("c-poison", "tok_ok");
        GatewayFaults.failAfterCharge(orderId, GatewayFaults.Fault.ALWAYS);

        orderSide.publish(OrderSide.request(orderId, 1, "c-poison", method, DEADLINE));

        PublishedPaymentEvents.Event event = awaitOutcome(orderId);
        assertThat(event.type()).isEqualTo("PaymentFailed");
        assertThat(event.body().get("reason").asText()).isEqualTo("REQUEST_REJECTED");
        assertThat(GatewayFaults.chargeCalls(orderId)).as("deliveries").isEqualTo(3);
        // The gateway did charge (our commit failed each time); the dead letter gave it back.
        assertThat(approvedCharges(orderId)).hasSize(1);
        assertThat(refunds(orderId)).hasSize(1);
    }

    @Test
    void duringAGatewayOutageTheAttemptFailsRetryablyAndTheNextOneIsApprovedAfterIt() {
        String orderId = newOrder();
        String method = http.registerPaymentMethod("c-outage", "tok_ok");
        assertThat(http.admin("PUT", "/admin/gateway", "{\"outage\":true}").body().get("outage").asBoolean()).isTrue();
        try {
            orderSide.publish(OrderSide.request(orderId, 1, "c-outage", method, DEADLINE));
            PublishedPaymentEvents.Event failed = awaitOutcome(orderId);
            assertThat(failed.body().get("reason").asText()).isEqualTo("GATEWAY_UNAVAILABLE");
            assertThat(failed.body().get("retryable").asBoolean()).isTrue();
        } finally {
            http.admin("PUT", "/admin/gateway", "{\"outage\":false}");
        }

        orderSide.publish(OrderSide.request(orderId, 2, "c-outage", method, DEADLINE));

        await().atMost(Duration.ofSeconds(20)).until(() -> !published.of(orderId, "PaymentCompleted").isEmpty());
        assertThat(published.of(orderId, "PaymentCompleted").get(0).body().get("attempt").asInt()).isEqualTo(2);
        assertThat(approvedCharges(orderId)).hasSize(1);
    }

    @Test
    void aRefundRequestGivesTheMoneyBackOnce() {
        String orderId = newOrder();
        String method = http.registerPaymentMethod("c-refund", "tok_ok");
        PaymentRequested request = OrderSide.request(orderId, 1, "c-refund", method, DEADLINE);
        orderSide.publish(request);
        awaitOutcome(orderId);

        orderSide.publish(new RefundRequested(orderId, request.paymentId(), request.amount()));
        orderSide.publish(new RefundRequested(orderId, request.paymentId(), request.amount()));

        await().atMost(Duration.ofSeconds(20)).until(() -> !published.of(orderId, "PaymentRefunded").isEmpty());
        await().atMost(Duration.ofSeconds(20)).until(() -> RabbitProbe.readyMessages(OrderSide.refundQueue(INFRASTRUCTURE)) == 0);
        PublishedPaymentEvents.Event refunded = published.of(orderId, "PaymentRefunded").get(0);
        assertThat(refunded.routingKey()).isEqualTo("payment.refunded");
        assertThat(refunded.body().get("refundId").asText()).startsWith("re_");
        assertThat(refunds(orderId)).singleElement()
                .satisfies(refund -> assertThat(refund.at("/amount/amount").decimalValue()).isEqualByComparingTo("25.00"));
        assertThat(http.get("/payments?orderId=" + orderId).body().get(0).get("status").asText()).isEqualTo("REFUNDED");
        // The refund leaves the attempt counted as COMPLETED: a Prometheus counter must never fall.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String scrape = http.text("/actuator/prometheus");
            assertThat(PrometheusScrape.value(scrape, attempts("COMPLETED")))
                    .isEqualTo(paymentViews("failure_reason is null"));
            assertThat(PrometheusScrape.value(scrape, attempts("REFUNDED")))
                    .isEqualTo(paymentViews("status = 'REFUNDED'")).isPositive();
        });
    }

    private static String attempts(String outcome) {
        return "payments_attempts_total{application=\"payment-service\",outcome=\"" + outcome + "\",reason=\"none\"}";
    }

    private static double paymentViews(String condition) {
        return INFRASTRUCTURE.database().queryForObject("select count(*) from payment_view where " + condition, Long.class);
    }

    @Test
    void aRefundRequestForAPaymentThisServiceDoesNotHaveWaitsInTheDeadLettersForAnOperator() {
        String orderId = newOrder();
        String eventId = orderSide.publish(new RefundRequested(orderId, orderId + "/no-such-payment",
                new Money(new BigDecimal("25.00"), "EUR")));

        String deadLetters = OrderSide.deadLetters(OrderSide.refundQueue(INFRASTRUCTURE));
        await().atMost(Duration.ofSeconds(20)).until(() -> RabbitProbe.readyMessages(deadLetters) >= 1);
        PaymentHttp.Response listed = http.admin("GET", "/admin/dead-letters/" + OrderSide.refundQueue(INFRASTRUCTURE), null);
        assertThat(listed.body().findValuesAsText("messageId")).contains(eventId);
    }

    @Test
    void aRefundDuringAGatewayOutageIsTriedUntilTheGatewayIsBack() {
        String orderId = newOrder();
        String method = http.registerPaymentMethod("c-refund-outage", "tok_ok");
        PaymentRequested request = OrderSide.request(orderId, 1, "c-refund-outage", method, DEADLINE);
        orderSide.publish(request);
        awaitOutcome(orderId);
        http.admin("PUT", "/admin/gateway", "{\"outage\":true}");
        try {
            orderSide.publish(new RefundRequested(orderId, request.paymentId(), request.amount()));
            // More deliveries than a payment request gets: a refund is never given up.
            await().atMost(Duration.ofSeconds(20)).until(() -> GatewayFaults.refundCalls(orderId) >= 5);
            assertThat(refunds(orderId)).isEmpty();
        } finally {
            http.admin("PUT", "/admin/gateway", "{\"outage\":false}");
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> !published.of(orderId, "PaymentRefunded").isEmpty());
        assertThat(refunds(orderId)).hasSize(1);
    }
}
