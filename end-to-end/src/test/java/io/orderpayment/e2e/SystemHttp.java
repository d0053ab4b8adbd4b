package io.orderpayment.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.awaitility.Awaitility.await;

/** What a client of the two services can do, over HTTP only. */
final class SystemHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String orders;
    private final String payments;
    private final String adminAuthorization;

    SystemHttp(int orderPort, int paymentPort, String adminPassword) {
        this.orders = "http://localhost:" + orderPort;
        this.payments = "http://localhost:" + paymentPort;
        this.adminAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
    }

    String registerPaymentMethod(String customerId, String token) {
        JsonNode created = send(post(payments + "/payment-methods",
                "{\"customerId\":\"" + customerId + "\",\"token\":\"" + token + "\"}"), 201);
        return created.get("paymentMethodId").asText();
    }

    /** Places an order of 2 × 12.50 EUR; the order service must accept it (202). */
    String placeOrder(String customerId, String paymentMethodId) {
        JsonNode accepted = send(post(orders + "/orders", """
                {"customerId":"%s","paymentMethodId":"%s","currency":"EUR",
                 "items":[{"productId":"book","quantity":2,"unitPrice":12.50}]}"""
                .formatted(customerId, paymentMethodId)), 202);
        return accepted.get("orderId").asText();
    }

    /**
     * One try at placing an order of 2 × 12.50 EUR under an Idempotency-Key: its id once accepted,
     * empty when the service did not answer or answered 5xx, so the client tries again with the key.
     */
    Optional<String> tryPlaceOrder(String customerId, String paymentMethodId, String idempotencyKey) {
        HttpRequest request = post(orders + "/orders", """
                {"customerId":"%s","paymentMethodId":"%s","currency":"EUR",
                 "items":[{"productId":"book","quantity":2,"unitPrice":12.50}]}"""
                .formatted(customerId, paymentMethodId)).header("Idempotency-Key", idempotencyKey)
                .timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500) {
                return Optional.empty();
            }
            if (response.statusCode() != 202) {
                throw new AssertionError("POST /orders answered " + response.statusCode() + ": " + response.body());
            }
            return Optional.of(JSON.readTree(response.body()).get("orderId").asText());
        } catch (IOException unreachable) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode order(String orderId) {
        return send(HttpRequest.newBuilder(URI.create(orders + "/orders/" + encode(orderId))).GET(), 200);
    }

    /** Waits (at most {@code within}) until the order is CONFIRMED or CANCELLED, and returns it then. */
    JsonNode awaitFinal(String orderId, Duration within) {
        return await().atMost(within).pollInterval(Duration.ofMillis(200))
                .until(() -> order(orderId), view -> !"PENDING".equals(view.get("status").asText()));
    }

    /** The operator's history of one order: the events of both services' stores, in time order. */
    JsonNode operatorHistory(String orderId) {
        return send(HttpRequest.newBuilder(URI.create(orders + "/admin/orders/" + encode(orderId) + "/history"))
                .header("Authorization", adminAuthorization).GET(), 200);
    }

    void cancel(String orderId) {
        send(post(orders + "/orders/" + encode(orderId) + "/cancel", ""), 202);
    }

    /** Every payment attempt of one order, as the payment service records it. */
    List<JsonNode> payments(String orderId) {
        return list(send(HttpRequest.newBuilder(URI.create(payments + "/payments?orderId=" + encode(orderId))).GET(), 200));
    }

    /** The gateway's ledger for one order: what the outside world saw charged and refunded. */
    List<JsonNode> ledger(String orderId) {
        return list(send(HttpRequest.newBuilder(URI.create(payments + "/admin/gateway/ledger?orderId=" + encode(orderId)))
                .header("Authorization", adminAuthorization).GET(), 200));
    }

    JsonNode gatewaySettings() {
        return send(HttpRequest.newBuilder(URI.create(payments + "/admin/gateway"))
                .header("Authorization", adminAuthorization).GET(), 200);
    }

    void gateway(boolean outage, String latency) {
        send(HttpRequest.newBuilder(URI.create(payments + "/admin/gateway"))
                .header("Authorization", adminAuthorization).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"outage\":" + outage + ",\"latency\":\"" + latency + "\"}")), 200);
    }

    private static HttpRequest.Builder post(String uri, String body) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private JsonNode send(HttpRequest.Builder request, int expectedStatus) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new AssertionError(response.request().method() + " " + response.uri() + " answered "
                        + response.statusCode() + ", not " + expectedStatus + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
