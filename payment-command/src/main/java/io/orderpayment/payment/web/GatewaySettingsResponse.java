package io.orderpayment.payment.web;

import io.orderpayment.payment.gateway.GatewaySimulation;

/** The simulated gateway's settings, latency in milliseconds as {@code 50ms}. */
public record GatewaySettingsResponse(boolean outage, String latency) {

    static GatewaySettingsResponse of(GatewaySimulation.Settings settings) {
        return new GatewaySettingsResponse(settings.outage(), settings.latency().toMillis() + "ms");
    }
}
