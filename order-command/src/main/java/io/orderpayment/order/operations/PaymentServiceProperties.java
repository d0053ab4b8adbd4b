package io.orderpayment.order.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * Where the order service asks the payment service for an order's payment events (the operator's
 * order history); its admin credentials are the payment service's {@code app.admin.password}.
 */
@ConfigurationProperties("app.payment-service")
public record PaymentServiceProperties(@DefaultValue("http://localhost:8081") URI url,
                                       @DefaultValue("") String adminPassword,
                                       @DefaultValue("3s") Duration timeout) {
}
