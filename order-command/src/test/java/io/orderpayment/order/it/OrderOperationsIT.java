package io.orderpayment.order.it;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.orderpayment.api.PaymentIds;
import io.orderpayment.testsupport.PrometheusScrape;
import io.orderpayment.testsupport.RabbitProbe;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What an operator of the order service sees: health, metrics, API docs, the /admin endpoints, the logs. */
class OrderOperationsIT extends SharedOrderServiceIT {

    private static final Map<String, String> ADMIN = OrderHttp.admin(ADMIN_PASSWORD);

    @Value("${logging.pattern.level}")
    String logLevelPattern;

    @Autowired
    SimpleMessageListenerContainer paymentEventConsumers;

    @Test
    void healthShowsEachComponentToAnyoneAndTheDetailsToTheAdminOnly() {
        OrderHttp.Response anonymous = http().get("/actuator/health");

        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().get("status").asText()).isEqualTo("UP");
        for (String component : List.of("db", "rabbit", "confirmCache", "outboxForwarder", "dbScheduler", "inboundConsumers")) {
            assertThat(anonymous.json().at("/components/" + component + "/status").asText()).as(component).isEqualTo("UP");
        }
        assertThat(anonymous.json().at("/components/outboxForwarder/details").isMissingNode()).isTrue();
        JsonNode forwarder = http().get("/actuator/health", ADMIN).json().at("/components/outboxForwarder/details");
        assertThat(forwarder.get("lag").isNumber()).isTrue();
        assertThat(forwarder.get("lagWarning").asLong()).isEqualTo(1000);

        JsonNode readiness = http().get("/actuator/health/readiness").json();
        assertThat(readiness.get("status").asText()).isEqualTo("UP");
        assertThat(readiness.get("components").fieldNames()).toIterable().containsExactlyInAnyOrder("db", "readinessState");
        assertThat(http().get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    @Test
    void paymentEventsNobodyConsumesMakeTheServiceDownButStillReady() {
        paymentEventConsumers.stop();
        try {
            OrderHttp.Response health = await().atMost(Duration.ofSeconds(30))
                    .until(() -> http().get("/actuator/health"), response -> response.status() == 503);
            assertThat(health.json().at("/components/inboundConsumers/status").asText()).isEqualTo("DOWN");
            assertThat(http().get("/actuator/health/readiness").status()).isEqualTo(200);
        } finally {
            paymentEventConsumers.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/actuator/health").status() == 200);
        JsonNode consumers = http().get("/actuator/health", ADMIN).json().at("/components/inboundConsumers/details");
        assertThat(consumers.get(INFRASTRUCTURE.paymentEventsQueue()).get("running").asBoolean()).isTrue();
    }

    @Test
    void operatorEndpointsRefuseAnonymousCallsAndWrongPasswords() {
        for (String path : List.of("/admin/processors", "/admin/dead-letters", "/admin/orders/x/history",
                "/admin/orders?q=x", "/admin/orders/stuck", "/admin/orders/x/ledger", "/console/", "/actuator/metrics")) {
            OrderHttp.Response anonymous = http().get(path);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.header("WWW-Authenticate")).as(path).startsWith("Basic");
            assertThat(http().get(path, OrderHttp.admin("wrong")).status()).as(path).isEqualTo(401);
        }
        assertThat(http().post("/admin/dead-letters/" + INFRASTRUCTURE.paymentEventsQueue() + "/redrive", "", Map.of())
                .status()).isEqualTo(401);
    }

    @Test
    void everyAnswerTellsBrowsersNotToCacheSniffOrFrameIt() {
        String order = http().placeOrder("customer-" + UUID.randomUUID());
        Map<String, OrderHttp.Response> answers = new LinkedHashMap<>();
        answers.put("order placed", http().post("/orders", OrderHttp.orderJson("c", "EUR", 1, "5.00"), Map.of()));
        answers.put("order read", http().get("/orders/" + order));
        answers.put("malformed order", http().post("/orders", "{", Map.of()));
        answers.put("unknown order", http().get("/orders/unknown"));
        answers.put("order's history", http().get("/admin/orders/" + order + "/history", ADMIN));
        answers.put("operator without password", http().get("/admin/processors"));
        answers.put("console", http().get("/console/", ADMIN));

        answers.forEach((answer, response) -> {
            assertThat(response.header("X-Content-Type-Options")).as(answer).isEqualTo("nosniff");
            assertThat(response.header("Cache-Control")).as(answer).contains("no-store");
            assertThat(response.header("X-Frame-Options")).as(answer).isEqualTo("DENY");
        });
        assertThat(answers.values()).extracting(OrderHttp.Response::status).containsExactly(202, 200, 400, 404, 200, 401, 200);
    }

    @Test
    void eventsNoQueueWasBoundForAreShownAndReachAQueueBoundLater() {
        // Nothing here is bound for order.placed yet: the order's OrderPlaced goes to the unrouted queue.
        String order = http().placeOrder("customer-" + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).until(() -> forwarder().get("behind").asLong() == 0);

        JsonNode summary = http().get("/admin/unrouted", ADMIN).json();
        assertThat(summary.get("exchange").asText()).isEqualTo(INFRASTRUCTURE.exchange());
        assertThat(summary.get("queue").asText()).isEqualTo(INFRASTRUCTURE.alternateExchange());
        assertThat(summary.get("events").asLong()).isPositive();
        assertThat(http().get("/admin/unrouted/events?limit=1", ADMIN).json()).singleElement()
                .satisfies(event -> assertThat(event.get("routingKey").asText()).isNotBlank());
        assertThat(http().post("/admin/unrouted/redrive", "", Map.of()).status()).isEqualTo(401);

        try (RabbitProbe consumer = RabbitProbe.bound(INFRASTRUCTURE.exchange(), "order.placed")) {
            OrderHttp.Response redriven = http().post("/admin/unrouted/redrive", "", ADMIN);

            assertThat(redriven.status()).isEqualTo(200);
            assertThat(redriven.json().get("redriven").asInt()).isPositive();
            await().atMost(Duration.ofSeconds(30)).until(() -> consumer.received().stream()
                    .anyMatch(event -> event.body().contains(order)));
        }
    }

    @Test
    void processorStatusShowsEverySegmentWithItsPositionAndOwner() {
        http().placeOrder("customer-" + UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).until(() -> forwarder().get("behind").asLong() == 0);
        JsonNode status = http().get("/admin/processors", ADMIN).json();
        JsonNode forwarder = forwarder();
        assertThat(forwarder.get("mode").asText()).isEqualTo("streaming");
        assertThat(forwarder.get("runningHere").asBoolean()).isTrue();
        assertThat(forwarder.get("errorHere").asBoolean()).isFalse();
        assertThat(forwarder.get("segments")).hasSize(2).allSatisfy(segment -> {
            assertThat(segment.get("owner").asText()).isNotBlank();
            assertThat(segment.get("claimedHere").asBoolean()).isTrue();
            assertThat(segment.get("position").asLong()).isLessThanOrEqualTo(status.get("head").asLong());
        });
        assertThat(processor(status, "OrderPaymentSagaProcessor").get("segments")).hasSize(4);
        assertThat(processor(status, "order-view").get("mode").asText()).isEqualTo("subscribing");
        assertThat(status.at("/forwarder/forwarded").asLong()).isPositive();
        assertThat(status.at("/forwarder/failedBatches").isNumber()).isTrue();
        assertThat(status.at("/forwarder").has("lastFailure")).isTrue();
    }

    @Test
    void aDeadLetterIsListedWithWhyAndRedrivenToItsQueue() {
        String queue = INFRASTRUCTURE.paymentEventsQueue();
        String eventId = UUID.randomUUID().toString();
        RabbitProbe.publish(INFRASTRUCTURE.paymentEventsExchange(), "payment.completed", eventId, """
                {"paymentId":"p-1","orderId":"no-such-order-%s","attempt":1,"amount":{"amount":25.00,"currency":"EUR"},"chargeId":"ch-1"}"""
                .formatted(eventId));

        JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(() -> deadLetter(queue, eventId), Optional::isPresent)
                .orElseThrow();
        assertThat(letter.get("reason").asText()).isEqualTo("rejected");
        assertThat(letter.get("routingKey").asText()).isEqualTo("payment.completed");
        assertThat(letter.get("deadLettered").asLong()).isEqualTo(1);
        assertThat(letter.get("body").asText()).contains("no-such-order-" + eventId);
        assertThat(deadLetter(queue, eventId)).as("listing leaves the letters where they are").isPresent();
        JsonNode queues = http().get("/admin/dead-letters", ADMIN).json();
        assertThat(queues).anySatisfy(entry -> {
            assertThat(entry.get("queue").asText()).isEqualTo(queue);
            assertThat(entry.get("deadLetters").asLong()).isPositive();
        });

        OrderHttp.Response redriven = http().post("/admin/dead-letters/" + queue + "/redrive", "", ADMIN);

        assertThat(redriven.status()).isEqualTo(200);
        assertThat(redriven.json().get("redriven").asInt()).isPositive();
        // The order is still unknown, so the listener refuses it again: back in the dead letters, a second time.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                deadLetter(queue, eventId).map(again -> again.get("deadLettered").asLong() == 2).orElse(false));
    }

    @Test
    void oneDeadLetterIsRedrivenByItsMessageIdAndTheOthersStay() {
        String order = http().placeOrder("customer-" + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/orders/" + order).json().get("paymentAttempts").asInt() == 1);
        String queue = INFRASTRUCTURE.paymentEventsQueue();
        String chosen = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        RabbitProbe.publish("", queue + ".dead-letter", "PaymentFailed", other, """
                {"paymentId":"p-x","orderId":"no-such-order-%s","attempt":1,"amount":{"amount":25.00,"currency":"EUR"},
                 "reason":"GATEWAY_ERROR","retryable":true}""".formatted(other));
        RabbitProbe.publish("", queue + ".dead-letter", "PaymentFailed", chosen, """
                {"paymentId":"%s","orderId":"%s","attempt":1,"amount":{"amount":25.00,"currency":"EUR"},
                 "reason":"GATEWAY_ERROR","retryable":true}""".formatted(PaymentIds.of(order, 1), order));

        OrderHttp.Response redriven = http().post("/admin/dead-letters/" + queue + "/redrive?messageId=" + chosen, "", ADMIN);

        assertThat(redriven.status()).isEqualTo(200);
        assertThat(redriven.json().get("redriven").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "GATEWAY_ERROR".equals(http().get("/orders/" + order).json().path("lastPaymentFailure").asText()));
        assertThat(deadLetter(queue, chosen)).isEmpty();
        assertThat(deadLetter(queue, other)).as("the letter not chosen stays, untouched").hasValueSatisfying(
                letter -> assertThat(letter.get("deadLettered").asLong()).isZero());

        OrderHttp.Response gone = http().post("/admin/dead-letters/" + queue + "/redrive?messageId=" + chosen, "", ADMIN);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("detail").asText()).contains(chosen);
        assertThat(deadLetter(queue, other)).isPresent();
    }

    @Test
    void aRedrivenPaymentEventIsRecordedOnItsOrder() {
        String order = http().placeOrder("customer-" + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/orders/" + order).json().get("paymentAttempts").asInt() == 1);
        // As if it had been dead-lettered in an earlier incident: in the dead-letter queue, its routing key gone.
        String queue = INFRASTRUCTURE.paymentEventsQueue();
        String eventId = UUID.randomUUID().toString();
        RabbitProbe.publish("", queue + ".dead-letter", "PaymentFailed", eventId, """
                {"paymentId":"%s","orderId":"%s","attempt":1,"amount":{"amount":25.00,"currency":"EUR"},
                 "reason":"GATEWAY_ERROR","retryable":true}""".formatted(PaymentIds.of(order, 1), order));
        assertThat(deadLetter(queue, eventId)).isPresent();

        OrderHttp.Response redriven = http().post("/admin/dead-letters/" + queue + "/redrive", "", ADMIN);

        assertThat(redriven.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "GATEWAY_ERROR".equals(http().get("/orders/" + order).json().path("lastPaymentFailure").asText()));
        assertThat(deadLetter(queue, eventId)).isEmpty();
    }

    @Test
    void anUnknownDeadLetterQueueIsA404Problem() {
        OrderHttp.Response response = http().get("/admin/dead-letters/no-such-queue", ADMIN);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains("no-such-queue", INFRASTRUCTURE.paymentEventsQueue());
    }

    @Test
    void prometheusScrapeCountsOrdersForwardingSagasDeadlinesAndDeadLetters() {
        http().placeOrder("customer-" + UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = http().get("/actuator/prometheus").body();
            assertThat(PrometheusScrape.value(scrape, "orders_placed_total")).isGreaterThanOrEqualTo(1);
            assertThat(PrometheusScrape.value(scrape, "outbox_forwarded_events_total")).isGreaterThanOrEqualTo(2);
            assertThat(PrometheusScrape.value(scrape, "sagas_active")).isGreaterThanOrEqualTo(1);
            assertThat(PrometheusScrape.value(scrape, "deadlines_scheduled")).isGreaterThanOrEqualTo(1);
            assertThat(PrometheusScrape.value(scrape,
                    "outbox_batch_confirm_seconds_bucket{application=\"order-service\",le=\"+Inf\"}"))
                    .isGreaterThanOrEqualTo(1);
        });
        String scrape = http().get("/actuator/prometheus").body();
        assertThat(scrape).contains("orders_cancelled_total{application=\"order-service\",reason=\"PAYMENT_TIMEOUT\"}",
                "orders_confirmed_total", "outbox_batch_confirm_seconds_count", "outbox_batches_failed_total",
                "event_processor_lag_events{application=\"order-service\",processor=\"outbox-forwarder\"}",
                "event_processor_lag_events{application=\"order-service\",processor=\"OrderPaymentSagaProcessor\"}",
                "rabbitmq_dead_letters_messages{application=\"order-service\",queue=\"" + INFRASTRUCTURE.paymentEventsQueue() + "\"}",
                "outbox_unrouted_events{application=\"order-service\",exchange=\"" + INFRASTRUCTURE.exchange() + "\"}");
    }

    @Test
    void apiDocsDescribeTheApiWithExamplesAndCredentialsOnlyWhereNeeded() {
        JsonNode docs = http().get("/v3/api-docs").json();

        assertThat(docs.at("/info/title").asText()).isEqualTo("order-service");
        assertThat(docs.at("/paths/~1orders/post/requestBody/content/application~1json/schema/$ref").asText())
                .endsWith("/PlaceOrderRequest");
        assertThat(docs.at("/paths/~1orders/post/parameters/0/name").asText()).isEqualTo("Idempotency-Key");
        assertThat(docs.at("/paths/~1orders/post/parameters/0/schema/maxLength").asInt()).isEqualTo(255);
        assertThat(docs.at("/components/schemas/PlaceOrderRequest/properties/currency/example").asText()).isEqualTo("EUR");
        assertThat(docs.at("/components/schemas/Item/properties/unitPrice/example").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(docs.at("/paths/~1admin~1processors/get/security/0/admin").isArray()).isTrue();
        assertThat(docs.at("/paths/~1orders~1{orderId}/get/security").isMissingNode()).isTrue();
        assertThat(http().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void theOperatorsOrderHistorySaysWhatIsMissingWhenThePaymentServiceCannotBeAsked() {
        String orderId = http().placeOrder("customer-" + UUID.randomUUID());

        OrderHttp.Response history = http().get("/admin/orders/" + orderId + "/history", ADMIN);

        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().get("events").get(0).get("event").asText()).isEqualTo("OrderPlaced");
        assertThat(history.json().get("events").get(0).get("service").asText()).isEqualTo("order-service");
        assertThat(history.json().get("missing").get(0).asText()).startsWith("payment-service");
        assertThat(http().get("/admin/orders/no-such-order/history", ADMIN).status()).isEqualTo(404);

        OrderHttp.Response ledger = http().get("/admin/orders/" + orderId + "/ledger", ADMIN);
        assertThat(ledger.status()).isEqualTo(200);
        assertThat(ledger.json().get("entries").isEmpty()).isTrue();
        assertThat(ledger.json().get("missing").get(0).asText()).startsWith("payment-service");
    }

    @Test
    void anOrderIsFoundByIdCustomerOrIdempotencyKeyAndListedAsStuckWithItsNextDeadline() {
        String customer = "customer-" + UUID.randomUUID();
        String key = "key-" + UUID.randomUUID();
        String orderId = http().post("/orders", OrderHttp.orderJson(customer, "EUR", 2, "12.50"),
                Map.of("Idempotency-Key", key)).json().get("orderId").asText();

        for (String question : List.of(orderId, customer, key)) {
            JsonNode found = http().get("/admin/orders?q=" + question, ADMIN).json();
            assertThat(found).as(question).hasSize(1);
            assertThat(found.get(0).get("orderId").asText()).as(question).isEqualTo(orderId);
            assertThat(found.get(0).get("status").asText()).as(question).isEqualTo("PENDING");
        }
        assertThat(http().get("/admin/orders?q=no-such-thing", ADMIN).json()).isEmpty();

        // Nobody pays here (no payment service): the order waits, and its saga's payment deadline is next.
        JsonNode stuck = await().atMost(Duration.ofSeconds(30)).until(
                () -> StreamSupport.stream(http().get("/admin/orders/stuck?olderThanMinutes=0", ADMIN).json().spliterator(), false)
                        .filter(order -> order.get("orderId").asText().equals(orderId)).findFirst(),
                found -> found.isPresent() && !found.get().get("nextDeadline").isNull()).orElseThrow();
        assertThat(Instant.parse(stuck.get("nextDeadline").asText())).isAfter(Instant.now());
        assertThat(http().get("/admin/orders/stuck?olderThanMinutes=60", ADMIN).body()).doesNotContain(orderId);
    }

    @Test
    void aBrowserLoggedInAsAdminCannotBeMadeToChangeAnythingByAnotherSite() {
        Map<String, String> fromAnotherSite = new HashMap<>(ADMIN);
        fromAnotherSite.put("Sec-Fetch-Site", "cross-site");
        OrderHttp.Response refused = http().post("/admin/outbox/audit", "", fromAnotherSite);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");

        Map<String, String> withForeignOrigin = new HashMap<>(ADMIN);
        withForeignOrigin.put("Origin", "https://attacker.example");
        assertThat(http().post("/admin/outbox/audit", "", withForeignOrigin).status()).isEqualTo(403);

        Map<String, String> fromTheConsole = new HashMap<>(ADMIN);
        fromTheConsole.put("Sec-Fetch-Site", "same-origin");
        assertThat(http().post("/admin/outbox/audit", "", fromTheConsole).status()).isEqualTo(200);
        // Programs send neither header; reading is never refused.
        assertThat(http().post("/admin/outbox/audit", "", ADMIN).status()).isEqualTo(200);
        assertThat(http().get("/admin/processors", fromAnotherSite).status()).isEqualTo(200);
    }

    @Test
    void theConsoleReachesOnlyThePaymentServicesOperatorPagesAndSaysWhenItIsAway() {
        for (String path : List.of("/admin/payment-service/actuator/env", "/admin/payment-service/payment-methods",
                "/admin/payment-service/../actuator/env", "/admin/payment-service/gateway/ledger?since=2020-01-01T00:00:00Z",
                "/admin/payment-service/dead-letters/q?limit=%7Bx%7D")) {
            OrderHttp.Response refused = http().get(path, ADMIN);
            assertThat(refused.status()).as(path).isIn(400, 404);
            assertThat(refused.header("Content-Type")).as(path).startsWith("application/problem+json");
        }
        assertThat(http().get("/admin/payment-service/processors").status()).isEqualTo(401);

        // No payment service runs beside this test's order service.
        OrderHttp.Response away = http().get("/admin/payment-service/processors", ADMIN);
        assertThat(away.status()).isEqualTo(502);
        assertThat(away.json().get("detail").asText()).startsWith("the payment service did not answer");
    }

    @Test
    void questionsTheOrderFinderCannotAnswerAre400Problems() {
        for (String path : List.of("/admin/orders?q=", "/admin/orders?q=%20", "/admin/orders/stuck?olderThanMinutes=-1",
                "/admin/orders/stuck?olderThanMinutes=soon", "/admin/orders/stuck?olderThanMinutes=99999999")) {
            OrderHttp.Response response = http().get(path, ADMIN);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
        }
    }

    @Test
    void logLinesAboutAnOrderCarryItsIdAndCorrelationId() {
        Logger sagaLogger = (Logger) LoggerFactory.getLogger("io.orderpayment.saga");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        sagaLogger.addAppender(lines);
        try {
            String orderId = http().placeOrder("customer-" + UUID.randomUUID());

            await().atMost(Duration.ofSeconds(30)).until(() -> linesAbout(lines, orderId).size() >= 1);
            assertThat(linesAbout(lines, orderId)).allSatisfy(line -> {
                assertThat(line.getMDCPropertyMap().get("correlationId")).isNotBlank();
                assertThat(line.getFormattedMessage()).doesNotContain(orderId);
            });
            assertThat(logLevelPattern).contains("%X{orderId", "%X{correlationId");
        } finally {
            sagaLogger.detachAppender(lines);
        }
    }

    @Test
    void theInboundAdaptersOwnLinesCarryTheOrderOfTheirMessage() {
        String order = http().placeOrder("customer-" + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/orders/" + order).json().get("paymentAttempts").asInt() == 1);
        Logger adapterLogger = (Logger) LoggerFactory.getLogger("io.orderpayment.inbox");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        adapterLogger.addAppender(lines);
        try {
            String eventId = UUID.randomUUID().toString();
            String failed = """
                    {"paymentId":"%s","orderId":"%s","attempt":1,"amount":{"amount":25.00,"currency":"EUR"},
                     "reason":"GATEWAY_ERROR","retryable":true}""".formatted(PaymentIds.of(order, 1), order);
            RabbitProbe.publish(INFRASTRUCTURE.paymentEventsExchange(), "payment.failed", eventId, failed);
            RabbitProbe.publish(INFRASTRUCTURE.paymentEventsExchange(), "payment.failed", eventId, failed);

            // The duplicate is acknowledged by the inbox itself, outside any command handler.
            await().atMost(Duration.ofSeconds(30)).until(() -> linesAbout(lines, order).stream()
                    .anyMatch(line -> line.getFormattedMessage().contains(eventId + " was processed before")));
        } finally {
            adapterLogger.detachAppender(lines);
        }
    }

    private static List<ILoggingEvent> linesAbout(ListAppender<ILoggingEvent> lines, String orderId) {
        synchronized (lines.list) {
            return lines.list.stream().filter(line -> orderId.equals(line.getMDCPropertyMap().get("orderId"))).toList();
        }
    }

    private JsonNode forwarder() {
        return processor(http().get("/admin/processors", ADMIN).json(), "outbox-forwarder");
    }

    private static JsonNode processor(JsonNode status, String name) {
        return StreamSupport.stream(status.get("processors").spliterator(), false)
                .filter(processor -> processor.get("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no processor " + name + " in " + status));
    }

    private Optional<JsonNode> deadLetter(String queue, String messageId) {
        JsonNode letters = http().get("/admin/dead-letters/" + queue + "?limit=500", ADMIN).json();
        return StreamSupport.stream(letters.spliterator(), false)
                .filter(letter -> messageId.equals(letter.get("messageId").asText()))
                .findFirst();
    }
}
