package io.orderpayment.order.operations;

import io.orderpayment.operations.events.HistoryEntry;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.web.client.RestClient;

import java.util.List;

/** An order's payment events, from the payment service's event store, over its operator API. */
class PaymentServiceEvents {

    private final RestClient http;

    PaymentServiceEvents(RestClient.Builder builder, PaymentServiceProperties properties) {
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
}
