package io.orderpayment.order.operations;

import io.orderpayment.operations.events.HistoryEntry;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The payment service's operator API, as the order service asks it: an order's payment events (from
 * the payment service's event store) and what the gateway recorded of it, and the console's calls.
 */
class PaymentServiceAdminApi {

    private final RestClient http;

    PaymentServiceAdminApi(RestClient.Builder builder, PaymentServiceProperties properties) {
        this.http = builder.baseUrl(properties.url().toString())
                .requestFactory(ClientHttpRequestFactoryBuilder.detect().build(ClientHttpRequestFactorySettings.defaults()
                        .withConnectTimeout(properties.timeout()).withReadTimeout(properties.timeout())))
                .defaultHeaders(headers -> headers.setBasicAuth("admin", properties.adminPassword()))
                .build();
    }

    List<HistoryEntry> forOrder(String orderId) {
        return http.get().uri("/admin/orders/{orderId}/events", orderId)
                .retrieve()
                .body(new ParameterizedTypeReference<>() {
                });
    }

    /** Any call of its operator API, answered as it answered, 4xx and 5xx included. */
    Answer exchange(HttpMethod method, URI pathAndQuery, MediaType contentType, byte[] body) {
        RestClient.RequestBodySpec request = http.method(method).uri(pathAndQuery.toString());
        if (body != null && body.length > 0) {
            request.contentType(contentType == null ? MediaType.APPLICATION_JSON : contentType).body(body);
        }
        return request.exchange((sent, answer) -> new Answer(answer.getStatusCode().value(),
                answer.getHeaders().getContentType(), answer.getBody().readAllBytes()));
    }

    record Answer(int status, MediaType contentType, byte[] body) {
    }

    /** The gateway's charges and refunds for the order, declined ones included, as the payment service lists them. */
    List<Map<String, Object>> ledger(String orderId) {
        return http.get().uri("/admin/gateway/ledger?orderId={orderId}", orderId)
                .retrieve()
                .body(new ParameterizedTypeReference<>() {
                });
    }
}
