package io.orderpayment.payment.gateway;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** What an operator can change in the simulated gateway while it runs: an outage, and its latency. */
public class GatewaySimulation {

    /** The simulation's settings at one moment. */
    public record Settings(boolean outage, Duration latency) {
    }

    private final AtomicReference<Settings> settings;

    public GatewaySimulation(Duration latency) {
        settings = new AtomicReference<>(new Settings(false, latency));
    }

    public Settings settings() {
        return settings.get();
    }

    public Settings change(Boolean outage, Duration latency) {
        return settings.updateAndGet(current -> new Settings(
                outage == null ? current.outage() : outage,
                latency == null ? current.latency() : latency));
    }
}
