package io.orderpayment.order.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** The order service's HTTP API, spoken as a client would. */
public final class OrderHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    public OrderHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    public static String orderJson(String customerId, String currency, int quantity, String unitPrice) {
        return """
                {"customerId": "%s", "paymentMethodId": "pm-1", "currency": "%s",
                 "items": [{"productId": "book", "quantity": %d, "unitPrice": %s}]}"""
                .formatted(customerId, currency, quantity, unitPrice);
    }

    /** Places a valid order and returns its id. */
    public String placeOrder(String customerId) {
        Response response = post("/orders", orderJson(customerId, "EUR", 2, "12.50"), Map.of());
        if (response.status() != 202) {
            throw new IllegalStateException("order not accepted: " + response);
        }
        return response.json().get("orderId").asText();
    }

    public Response post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::setHeader);
        return send(request.build());
    }

    public Response get(String path) {
        return get(path, Map.of());
    }

    public Response get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    /** The Authorization header of HTTP Basic as user admin. */
    public static Map<String, String> admin(String password) {
        return Map.of("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString(("admin:" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, Map<String, List<String>> headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }
}
