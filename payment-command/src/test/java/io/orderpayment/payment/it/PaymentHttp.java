package io.orderpayment.payment.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The payment service's HTTP API as a client uses it. */
final class PaymentHttp {

    record Response(int status, String contentType, String location, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final String adminAuthorization;

    PaymentHttp(int port, String adminPassword) {
        this.base = "http://127.0.0.1:" + port;
        this.adminAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
    }

    /** Registers a payment method and returns its id. */
    String registerPaymentMethod(String customerId, String token) {
        Response response = post("/payment-methods", "{\"customerId\":\"" + customerId + "\",\"token\":\"" + token + "\"}");
        if (response.status() != 201) {
            throw new IllegalStateException("registering " + token + " answered " + response);
        }
        return response.body().get("paymentMethodId").asText();
    }

    Response post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    Response admin(String method, String path, String body) {
        return send(adminRequest(method, path, body).header("Authorization", adminAuthorization).build());
    }

    Response anonymousAdmin(String method, String path, String body) {
        return send(adminRequest(method, path, body).build());
    }

    /** A plain-text page, such as the Prometheus scrape. */
    String text(String path) {
        return exchange(HttpRequest.newBuilder(URI.create(base + path)).GET().build()).body();
    }

    /** The gateway's ledger entries of one order. */
    JsonNode ledger(String orderId) {
        return admin("GET", "/admin/gateway/ledger?orderId=" + orderId, null).body();
    }

    private HttpRequest.Builder adminRequest(String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    }

    private Response send(HttpRequest request) {
        HttpResponse<String> response = exchange(request);
        try {
            JsonNode body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
