package io.orderpayment.payment.web;

/**
 * A change to the simulated gateway; what is left out stays as it is. {@code latency} as
 * {@code 50ms}, {@code 2s} or ISO-8601 ({@code PT0.05S}).
 */
public record GatewaySettingsRequest(Boolean outage, String latency) {
}
