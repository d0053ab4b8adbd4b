package io.orderpayment.order.operations;

import io.orderpayment.operations.events.HistoryEntry;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Map;

/**
 * The payment service's operator API, as the order service asks it for an order: its payment
 * events (from the payment service's event store) and what the gateway recorded of it.
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

    /** The gateway's charges and refunds for the order, declined ones included, as the payment service lists them. */
    List<Map<String, Object>> ledger(String orderId) {
        return http.get().uri("/admin/gateway/ledger?orderId={orderId}", orderId)
                .retrieve()
                .body(new ParameterizedTypeReference<>() {
                });
    }
}
