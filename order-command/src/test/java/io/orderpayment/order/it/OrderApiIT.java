package io.orderpayment.order.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderpayment.api.Money;
import io.orderpayment.api.PaymentIds;
import io.orderpayment.api.order.OrderPlaced;
import io.orderpayment.api.order.RecordCompletedPayment;
import io.orderpayment.order.persistence.IdempotencyKeyPurge;
import io.orderpayment.testsupport.RawHttp;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.orderpayment.order.it.OrderHttp.orderJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The order service's HTTP API, every status code, against the real PostgreSQL. */
class OrderApiIT extends SharedOrderServiceIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commandGateway;
    @Autowired
    IdempotencyKeyPurge idempotencyKeyPurge;

    private static String customer() {
        return "customer-" + UUID.randomUUID();
    }

    @Test
    void placingAnOrderAnswers202WithItsLocationAndTheOrderCanBeReadBack() {
        String customer = customer();
        OrderHttp.Response placed = http().post("/orders", """
                {"customerId": "%s", "paymentMethodId": "pm-1", "currency": "EUR",
                 "items": [{"productId": "book", "quantity": 2, "unitPrice": 12.50},
                           {"productId": "pen", "quantity": 3, "unitPrice": "1.99"}]}""".formatted(customer), Map.of());

        assertThat(placed.status()).isEqualTo(202);
        String orderId = placed.json().get("orderId").asText();
        assertThat(placed.json().get("status").asText()).isEqualTo("PENDING");
        assertThat(placed.header("Location")).endsWith("/orders/" + orderId);

        OrderHttp.Response read = http().get("/orders/" + orderId);
        assertThat(read.status()).isEqualTo(200);
        JsonNode order = read.json();
        assertThat(order.get("customerId").asText()).isEqualTo(customer);
        assertThat(order.get("status").asText()).isEqualTo("PENDING");
        assertThat(order.get("totalAmount").decimalValue()).isEqualByComparingTo("30.97");
        assertThat(order.get("currency").asText()).isEqualTo("EUR");
        assertThat(order.get("items")).hasSize(2);
        assertThat(order.get("items").get(1).get("unitPrice").decimalValue()).isEqualByComparingTo("1.99");
        // The saga may already have asked for the first payment; no payment service runs here to answer.
        assertThat(order.get("paymentAttempts").asInt()).isBetween(0, 1);
        assertThat(order.get("cancellationReason").isNull()).isTrue();
        assertThat(order.get("createdAt").asText()).isNotBlank();
        assertThat(order.get("updatedAt").asText()).isNotBlank();
    }

    @Test
    void malformedJsonIs400AndWritesNothing() {
        expectRejectedWithoutTrace("{\"customerId\": ", 400, "Malformed request");
    }

    @Test
    void missingFieldsAre400NamingEachField() {
        OrderHttp.Response response = expectRejectedWithoutTrace(
                "{\"items\": [{\"productId\": \"book\"}]}", 400, "Invalid request");
        assertThat(response.json().get("errors").toString())
                .contains("customerId", "paymentMethodId", "currency", "items[0].quantity", "items[0].unitPrice");
    }

    @Test
    void controlCharactersAndOverlongIdsAre400AndWriteNothing() {
        OrderHttp.Response response = expectRejectedWithoutTrace(orderJson("c\\u0000nul", "EUR", 1, "12.50")
                .replace("\"book\"", "\"" + "b".repeat(256) + "\""), 400, "Invalid request");
        assertThat(response.json().get("errors").toString())
                .contains("customerId must not contain control characters", "items[0].productId size must be between 0 and 255");
    }

    @Test
    void noItemsIs400() {
        OrderHttp.Response response = expectRejectedWithoutTrace(
                "{\"customerId\": \"c\", \"paymentMethodId\": \"pm\", \"currency\": \"EUR\", \"items\": []}", 400,
                "Invalid request");
        assertThat(response.json().get("errors").toString()).contains("items must not be empty");
    }

    @Test
    void aNegativeQuantityIs400AndWritesNothing() {
        OrderHttp.Response response = expectRejectedWithoutTrace(orderJson(customer(), "EUR", -1, "12.50"), 400,
                "Invalid order");
        assertThat(response.json().get("detail").asText()).isEqualTo("items[0].quantity must be positive, was -1");
    }

    @Test
    void aFractionalQuantityIs400() {
        expectRejectedWithoutTrace(orderJson(customer(), "EUR", 1, "12.50").replace("\"quantity\": 1", "\"quantity\": 1.5"),
                400, "Malformed request");
    }

    @Test
    void anUnknownCurrencyIs400AndWritesNothing() {
        OrderHttp.Response response = expectRejectedWithoutTrace(orderJson(customer(), "ABC", 1, "12.50"), 400,
                "Invalid order");
        assertThat(response.json().get("detail").asText()).isEqualTo("currency 'ABC' is not a known ISO 4217 code");
    }

    @Test
    void theHistoryListsTheOrdersEventsInOrder() {
        String orderId = http().placeOrder(customer());

        // The saga asks for the first payment attempt right after the order is placed.
        JsonNode history = await().atMost(Duration.ofSeconds(30))
                .until(() -> http().get("/orders/" + orderId + "/history").json(), events -> events.size() >= 2);

        assertThat(history.get(0).get("event").asText()).isEqualTo("OrderPlaced");
        assertThat(history.get(0).get("details").get("orderId").asText()).isEqualTo(orderId);
        assertThat(history.get(1).get("event").asText()).isEqualTo("PaymentRequested");
        assertThat(history.get(1).get("details").get("attempt").asInt()).isEqualTo(1);
        assertThat(http().get("/orders/no-such-order/history").status()).isEqualTo(404);
    }

    @Test
    void theErrorPageAskedForDirectlyIsNotFoundRatherThanAServerError() {
        for (String path : List.of("/error", "/error?x=1")) {
            OrderHttp.Response response = http().get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
        }
    }

    @Test
    void anUnknownOrderIs404ForReadingAndCancelling() {
        OrderHttp.Response read = http().get("/orders/no-such-order");
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.header("Content-Type")).startsWith("application/problem+json");
        assertThat(read.json().get("detail").asText()).isEqualTo("no order with id no-such-order");

        OrderHttp.Response cancel = http().post("/orders/no-such-order/cancel", "", Map.of());
        assertThat(cancel.status()).isEqualTo(404);
        assertThat(cancel.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aPendingOrderIsCancelledAndCancellingAgainChangesNothing() {
        String orderId = http().placeOrder(customer());

        OrderHttp.Response cancelled = http().post("/orders/" + orderId + "/cancel", "", Map.of());
        assertThat(cancelled.status()).isEqualTo(202);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
        JsonNode order = http().get("/orders/" + orderId).json();
        assertThat(order.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(order.get("cancellationReason").asText()).isEqualTo("CUSTOMER_REQUEST");

        // The saga may have asked for a payment meanwhile; on a cancelled order it asks nothing more.
        int stored = eventsOf(orderId);
        assertThat(http().post("/orders/" + orderId + "/cancel", "", Map.of()).status()).isEqualTo(202);
        assertThat(eventsOf(orderId)).isEqualTo(stored);
        assertThat(eventsOf(orderId, "OrderCancelled")).isEqualTo(1);
    }

    @Test
    void aConfirmedOrderCannotBeCancelled() {
        String orderId = http().placeOrder(customer());
        // As the inbound adapter does when the payment service reports the charge; the saga then confirms.
        commandGateway.sendAndWait(new RecordCompletedPayment(orderId, PaymentIds.of(orderId, 1), 1,
                new Money(BigDecimal.TEN, "EUR")));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http().get("/orders/" + orderId).json().get("status").asText().equals("CONFIRMED"));

        OrderHttp.Response response = http().post("/orders/" + orderId + "/cancel", "", Map.of());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).isEqualTo("order " + orderId + " is already CONFIRMED");
        assertThat(http().get("/orders/" + orderId).json().get("status").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    void theSameIdempotencyKeyReturnsTheSameOrderAndCreatesNothingNew() {
        String customer = customer();
        String body = orderJson(customer, "EUR", 1, "5.00");
        Map<String, String> key = Map.of("Idempotency-Key", "checkout-" + UUID.randomUUID());

        OrderHttp.Response first = http().post("/orders", body, key);
        long placed = placedOrders();
        OrderHttp.Response second = http().post("/orders", body, key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(202);
        assertThat(second.json().get("orderId")).isEqualTo(first.json().get("orderId"));
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(placedOrders()).isEqualTo(placed);
        assertThat(http().get("/orders?customerId=" + customer).json().get("totalElements").asInt()).isEqualTo(1);
    }

    @Test
    void anEmptyOrOverlongIdempotencyKeyIs400AndWritesNothing() {
        String body = orderJson(customer(), "EUR", 1, "5.00");
        for (String key : List.of("", "k".repeat(256))) {
            OrderHttp.Response response = expectRejectedWithoutTrace(body, key, 400, "Invalid request");
            assertThat(response.json().get("errors").toString()).contains("Idempotency-Key size must be between 1 and 255");
        }
        assertThat(http().post("/orders", body, Map.of("Idempotency-Key", "k".repeat(255))).status()).isEqualTo(202);
    }

    @Test
    void anIdempotencyKeyReusedForADifferentRequestIs422AndWritesNothing() {
        String customer = customer();
        Map<String, String> key = Map.of("Idempotency-Key", "checkout-" + UUID.randomUUID());
        http().post("/orders", orderJson(customer, "EUR", 1, "5.00"), key);
        long placed = placedOrders();

        OrderHttp.Response response = http().post("/orders", orderJson(customer, "EUR", 2, "5.00"), key);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(placedOrders()).isEqualTo(placed);
    }

    @Test
    void aRejectedOrderDoesNotUseUpItsIdempotencyKey() {
        String customer = customer();
        Map<String, String> key = Map.of("Idempotency-Key", "checkout-" + UUID.randomUUID());
        assertThat(http().post("/orders", orderJson(customer, "EUR", 0, "5.00"), key).status()).isEqualTo(400);

        assertThat(http().post("/orders", orderJson(customer, "EUR", 1, "5.00"), key).status()).isEqualTo(202);
    }

    @Test
    void anExpiredIdempotencyKeyPlacesANewOrder() {
        String body = orderJson(customer(), "EUR", 1, "5.00");
        Map<String, String> key = Map.of("Idempotency-Key", "checkout-" + UUID.randomUUID());
        String first = http().post("/orders", body, key).json().get("orderId").asText();

        assertThat(idempotencyKeyPurge.purgeOlderThan(Duration.ZERO)).isPositive();

        OrderHttp.Response again = http().post("/orders", body, key);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("orderId").asText()).isNotEqualTo(first);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("false");
    }

    @Test
    void concurrentRequestsWithOneIdempotencyKeyPlaceOneOrder() throws Exception {
        String customer = customer();
        String body = orderJson(customer, "EUR", 1, "5.00");
        Map<String, String> key = Map.of("Idempotency-Key", "checkout-" + UUID.randomUUID());
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Callable<OrderHttp.Response>> requests = IntStream.range(0, 8)
                    .<Callable<OrderHttp.Response>>mapToObj(i -> () -> http().post("/orders", body, key)).toList();
            List<String> orderIds = clients.invokeAll(requests).stream().map(OrderApiIT::join)
                    .map(response -> {
                        assertThat(response.status()).isEqualTo(202);
                        return response.json().get("orderId").asText();
                    }).distinct().toList();

            assertThat(orderIds).hasSize(1);
            assertThat(eventsOf(orderIds.get(0), "OrderPlaced")).isEqualTo(1);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aCustomersOrdersAreListedNewestFirstInPages() {
        String customer = customer();
        String first = http().placeOrder(customer);
        String second = http().placeOrder(customer);
        String third = http().placeOrder(customer);
        http().placeOrder(customer());

        JsonNode page0 = http().get("/orders?customerId=" + customer + "&size=2").json();
        JsonNode page1 = http().get("/orders?customerId=" + customer + "&size=2&page=1").json();

        assertThat(page0.get("totalElements").asInt()).isEqualTo(3);
        assertThat(page0.get("totalPages").asInt()).isEqualTo(2);
        assertThat(page0.get("orders").findValuesAsText("orderId")).containsExactly(third, second);
        assertThat(page1.get("orders").findValuesAsText("orderId")).containsExactly(first);
    }

    @Test
    void listingWithoutACustomerOrWithAnAbsurdPageSizeIs400() {
        OrderHttp.Response noCustomer = http().get("/orders");
        assertThat(noCustomer.status()).isEqualTo(400);
        assertThat(noCustomer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(noCustomer.json().get("detail").asText()).contains("customerId");

        OrderHttp.Response hugePage = http().get("/orders?customerId=c&size=1000");
        assertThat(hugePage.status()).isEqualTo(400);
        assertThat(hugePage.json().get("detail").asText()).contains("size");
    }

    @Test
    void aPageBeyondTheBoundIs400() {
        OrderHttp.Response response = http().get("/orders?customerId=c&page=2147483647");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains("page");
    }

    /** Bounds are checked before any arithmetic: 1e999999999 is one digit and an exponent, its plain form a billion digits. */
    @Test
    @Timeout(60)
    void amountsBeyondTheirBoundsAre400AndWriteNothing() {
        for (String unitPrice : List.of("1e999999999", "1e-999999999", "1000000.01", "-1e999999999")) {
            OrderHttp.Response response = expectRejectedWithoutTrace(orderJson(customer(), "EUR", 1, unitPrice), 400,
                    "Invalid order");
            assertThat(response.json().get("detail").asText()).as(unitPrice).contains("unitPrice").hasSizeLessThan(500);
        }
        OrderHttp.Response tooMany = expectRejectedWithoutTrace(orderJson(customer(), "EUR", 10_001, "1.00"), 400,
                "Invalid order");
        assertThat(tooMany.json().get("detail").asText()).contains("quantity");
    }

    @Test
    void aTotalAtTheBoundsIsAcceptedAndReadBack() {
        String lines = IntStream.range(0, 100)
                .mapToObj(i -> "{\"productId\": \"p%d\", \"quantity\": 10000, \"unitPrice\": 1000000}".formatted(i))
                .reduce((a, b) -> a + "," + b).orElseThrow();
        OrderHttp.Response placed = http().post("/orders", """
                {"customerId": "%s", "paymentMethodId": "pm-1", "currency": "EUR", "items": [%s]}"""
                .formatted(customer(), lines), Map.of());

        assertThat(placed.status()).isEqualTo(202);
        assertThat(http().get("/orders/" + placed.json().get("orderId").asText()).json().get("totalAmount").decimalValue())
                .isEqualByComparingTo("1000000000000");
    }

    @Test
    void moreItemsThanAnOrderMayHaveAre400() {
        String lines = IntStream.range(0, 101)
                .mapToObj(i -> "{\"productId\": \"p%d\", \"quantity\": 1, \"unitPrice\": 1}".formatted(i))
                .reduce((a, b) -> a + "," + b).orElseThrow();

        OrderHttp.Response response = expectRejectedWithoutTrace("""
                {"customerId": "%s", "paymentMethodId": "pm-1", "currency": "EUR", "items": [%s]}"""
                .formatted(customer(), lines), 400, "Invalid order");
        assertThat(response.json().get("detail").asText()).contains("items");
    }

    @Test
    void aBodyLargerThanTheLimitIs413AndWritesNothing() {
        String padding = "x".repeat(70_000);
        OrderHttp.Response response = expectRejectedWithoutTrace("""
                {"customerId": "%s", "paymentMethodId": "pm-1", "currency": "EUR", "note": "%s",
                 "items": [{"productId": "book", "quantity": 1, "unitPrice": 1}]}""".formatted(customer(), padding),
                413, "Request too large");
        assertThat(response.json().get("detail").asText()).contains("65536");
    }

    @Test
    void requestsTheServerRefusesBeforeTheApplicationAreAnsweredAsProblems() {
        // A malformed escape in path parameters (found by HostileInputIT) made Spring's path parser throw: a 500.
        for (String path : List.of("/orders/a%2Fb", "/orders/a%00b", "/no-such-thing", "/orders;%", "/orders;x=%iT/h")) {
            RawHttp.Response response = RawHttp.exchange(port, "GET", path, Map.of(), null);
            assertThat(response.status()).as(path).isBetween(400, 499);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
            assertThat(response.json().get("status").asInt()).as(path).isEqualTo(response.status());
        }
    }

    @Test
    void answersArriveWholeWithTheirLengthNotChunked() {
        byte[] order = orderJson(customer(), "EUR", 1, "5.00").getBytes(StandardCharsets.UTF_8);
        Map<String, String> json = Map.of("Content-Type", "application/json");
        RawHttp.Response placed = RawHttp.exchange(port, "POST", "/orders", json, order);
        RawHttp.Response read = RawHttp.exchange(port, "GET", "/orders/" + placed.json().get("orderId").asText(), Map.of(), null);
        RawHttp.Response refused = RawHttp.exchange(port, "POST", "/orders", json, "{".getBytes(StandardCharsets.UTF_8));

        for (RawHttp.Response answer : List.of(placed, read, refused)) {
            assertThat(answer.headers()).as(answer.toString()).doesNotContainKey("transfer-encoding");
            assertThat(answer.headers().get("content-length")).as(answer.toString())
                    .isEqualTo(String.valueOf(answer.body().getBytes(StandardCharsets.UTF_8).length));
        }
        assertThat(List.of(placed.status(), read.status(), refused.status())).containsExactly(202, 200, 400);
    }

    /** Found by HostileInputIT: the order was placed, and only then did Spring find no way to write UTF-32 (a 500). */
    @Test
    void aClientAskingForJsonInAnotherCharsetGetsUtf8Json() {
        OrderHttp.Response response = http().post("/orders", orderJson(customer(), "EUR", 1, "1.00"),
                Map.of("Accept", "application/json; charset=utf-32"));

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().get("status").asText()).isEqualTo("PENDING");
    }

    /**
     * Found by HostileInputIT: with Accept: text/plain the order was placed, and only then did the answer
     * fail to suit the client; an Accept Spring cannot parse ("/!) made it throw, a 500.
     */
    @Test
    void aClientThatAcceptsNoJsonIs406BeforeAnythingIsWritten() {
        for (String accept : List.of("text/plain", "\"/!")) {
            long placed = placedOrders();

            OrderHttp.Response response = http().post("/orders", orderJson(customer(), "EUR", 1, "1.00"),
                    Map.of("Accept", accept));

            assertThat(response.status()).as(accept).isEqualTo(406);
            assertThat(response.header("Content-Type")).as(accept).startsWith("application/problem+json");
            assertThat(placedOrders()).as(accept).isEqualTo(placed);
        }
    }

    /**
     * Found by HostileInputIT: a wildcard Content-Type, multipart without a boundary, and one Spring cannot
     * parse ("/!, which made its parser throw while it looked for the handler) were 500s.
     */
    @Test
    void aBodyThatIsNotSaidToBeJsonIs415AndWritesNothing() {
        for (String contentType : List.of("*/*", "text/plain", "application/*", "multipart/form-data", "\"/!")) {
            long placed = placedOrders();

            OrderHttp.Response response = http().post("/orders", orderJson(customer(), "EUR", 1, "1.00"),
                    Map.of("Content-Type", contentType));

            assertThat(response.status()).as(contentType).isBetween(400, 415);
            assertThat(response.header("Content-Type")).as(contentType).startsWith("application/problem+json");
            assertThat(placedOrders()).as(contentType).isEqualTo(placed);
        }
    }

    @Test
    void aTraceRequestIsRefusedAsAProblemAndEchoesNothing() throws Exception {
        java.net.HttpURLConnection trace = (java.net.HttpURLConnection) java.net.URI.create(
                "http://localhost:" + port + "/orders").toURL().openConnection();
        trace.setRequestMethod("TRACE");
        trace.setRequestProperty("Authorization", "Basic c2VjcmV0OnNlY3JldA==");

        assertThat(trace.getResponseCode()).isBetween(400, 499);
        assertThat(trace.getContentType()).startsWith("application/problem+json");
        assertThat(new String(trace.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("c2VjcmV0OnNlY3JldA==");
    }

    private OrderHttp.Response expectRejectedWithoutTrace(String body, int status, String title) {
        return expectRejectedWithoutTrace(body, UUID.randomUUID().toString(), status, title);
    }

    private OrderHttp.Response expectRejectedWithoutTrace(String body, String idempotencyKey, int status, String title) {
        long placed = placedOrders();
        long views = jdbc.queryForObject("select count(*) from order_view", Long.class);
        long keys = jdbc.queryForObject("select count(*) from idempotency_key", Long.class);

        OrderHttp.Response response = http().post("/orders", body, Map.of("Idempotency-Key", idempotencyKey));

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("title").asText()).isEqualTo(title);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("detail").asText()).isNotBlank();
        assertThat(placedOrders()).isEqualTo(placed);
        assertThat(jdbc.queryForObject("select count(*) from order_view", Long.class)).isEqualTo(views);
        assertThat(jdbc.queryForObject("select count(*) from idempotency_key", Long.class)).isEqualTo(keys);
        return response;
    }

    /** OrderPlaced events stored; not all events: the saga adds PaymentRequested to earlier orders meanwhile. */
    private long placedOrders() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where payload_type = ?", Long.class,
                OrderPlaced.class.getName());
    }

    private int eventsOf(String orderId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Integer.class, orderId);
    }

    private int eventsOf(String orderId, String type) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type like ?", Integer.class, orderId, "%." + type);
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
