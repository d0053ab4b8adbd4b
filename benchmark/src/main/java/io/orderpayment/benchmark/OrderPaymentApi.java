package io.orderpayment.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** The two services' HTTP APIs as the simulation and the chaos kit use them, the admin's included. */
final class OrderPaymentApi {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String orders;
    private final String payments;
    private final String admin;

    OrderPaymentApi(String orders, String payments, String adminPassword) {
        this.orders = orders;
        this.payments = payments;
        this.admin = "Basic " + Base64.getEncoder().encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
    }

    String ordersUrl() {
        return orders;
    }

    /** A payment method of {@code customer} with a test card token ({@code tok_ok}, {@code tok_insufficient_funds}, ...). */
    String registerPaymentMethod(String customer, String token) throws IOException, InterruptedException {
        return send(post(payments + "/payment-methods",
                "{\"customerId\":\"" + customer + "\",\"token\":\"" + token + "\"}")).get("paymentMethodId").asText();
    }

    static String orderBody(String customer, String paymentMethod) {
        return """
                {"customerId":"%s","paymentMethodId":"%s","currency":"EUR","items":[{"productId":"book","quantity":2,"unitPrice":12.50}]}"""
                .formatted(customer, paymentMethod);
    }

    String placeOrder(String customer, String paymentMethod) throws IOException, InterruptedException {
        return send(post(orders + "/orders", orderBody(customer, paymentMethod))).get("orderId").asText();
    }

    /**
     * One try at placing an order under an Idempotency-Key: its id once accepted, empty when the
     * answer says to try again (no answer, or 5xx). Any other answer is an error.
     */
    Optional<String> tryPlaceOrder(String customer, String paymentMethod, String idempotencyKey) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(orders + "/orders")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(orderBody(customer, paymentMethod))).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException unreachable) {
            return Optional.empty();
        }
        if (response.statusCode() >= 500) {
            return Optional.empty();
        }
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("POST /orders answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return Optional.of(JSON.readTree(response.body()).get("orderId").asText());
        } catch (IOException e) {
            throw new IllegalStateException("POST /orders answered " + response.body(), e);
        }
    }

    void cancelOrder(String order) throws IOException, InterruptedException {
        send(post(orders + "/orders/" + order + "/cancel", ""));
    }

    /** The order as its customer sees it; empty if the order service does not know it. */
    Optional<JsonNode> findOrder(String order) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(get(orders + "/orders/" + order, false), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(body(response, "GET /orders/" + order));
    }

    JsonNode order(String order) throws IOException, InterruptedException {
        return send(get(orders + "/orders/" + order, false));
    }

    JsonNode customerOrders(String customer, int page) throws IOException, InterruptedException {
        return send(get(orders + "/orders?customerId=" + customer + "&page=" + page + "&size=100", false));
    }

    JsonNode history(String order) throws IOException, InterruptedException {
        return send(get(orders + "/orders/" + order + "/history", false));
    }

    JsonNode payments(String order) throws IOException, InterruptedException {
        return send(get(payments + "/payments?orderId=" + order, false));
    }

    JsonNode ledger(String order) throws IOException, InterruptedException {
        return send(get(payments + "/admin/gateway/ledger?orderId=" + order, true));
    }

    JsonNode ledgerSince(Instant since) throws IOException, InterruptedException {
        return send(get(payments + "/admin/gateway/ledger?since=" + since, true));
    }

    void gateway(boolean outage, String latency) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(payments + "/admin/gateway")).header("Authorization", admin)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"outage\":" + outage + ",\"latency\":\"" + latency + "\"}")).build());
    }

    /**
     * Final, and no money of it on its way: not PENDING, no refund open, and if cancelled, no
     * completed charge waiting for its refund and no payment request unanswered.
     */
    boolean settled(String order) throws IOException, InterruptedException {
        JsonNode view = order(order);
        String status = view.path("status").asText();
        if ("PENDING".equals(status) || "REQUESTED".equals(view.path("refundStatus").asText())) {
            return false;
        }
        if (!"CANCELLED".equals(status)) {
            return true;
        }
        JsonNode attempts = payments(order);
        for (JsonNode attempt : attempts) {
            if ("COMPLETED".equals(attempt.path("status").asText())) {
                return false;
            }
        }
        return view.path("paymentAttempts").asInt() <= attempts.size();
    }

    private HttpRequest get(String uri, boolean asAdmin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30)).GET();
        if (asAdmin) {
            request.header("Authorization", admin);
        }
        return request.build();
    }

    private static HttpRequest post(String uri, String body) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        return body(client.send(request, HttpResponse.BodyHandlers.ofString()), request.method() + " " + request.uri());
    }

    private static JsonNode body(HttpResponse<String> response, String what) throws IOException {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }
}
