package io.orderpayment.operations.health;

import io.orderpayment.operations.processors.ProcessorPositions;
import io.orderpayment.outbox.ForwarderStatistics;
import io.orderpayment.outbox.OutboxForwarder;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import java.util.OptionalLong;

/**
 * How far the outbox forwarder is behind the event store. Events wait safely in the store while it
 * lags (the broker is down, say), so a lag degrades the service rather than making it unhealthy.
 */
public class ForwarderHealthIndicator extends AbstractHealthIndicator {

    private final ProcessorPositions positions;
    private final ForwarderStatistics statistics;
    private final long lagWarning;

    public ForwarderHealthIndicator(ProcessorPositions positions, ForwarderStatistics statistics, long lagWarning) {
        super("Outbox forwarder health check failed");
        this.positions = positions;
        this.statistics = statistics;
        this.lagWarning = lagWarning;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        OptionalLong lag = positions.lag(OutboxForwarder.PROCESSING_GROUP);
        builder.withDetail("failedBatches", statistics.failedBatches())
                .withDetail("forwarded", statistics.published())
                .withDetail("lagWarning", lagWarning);
        statistics.lastFailure().ifPresent(failure -> builder.withDetail("lastFailure", failure));
        if (lag.isEmpty()) {
            // No token yet: the forwarder has not started on this store, or no node has claimed it.
            builder.status(Degraded.STATUS).withDetail("lag", "unknown: no segment claimed yet");
        } else if (lag.getAsLong() > lagWarning) {
            builder.status(Degraded.STATUS).withDetail("lag", lag.getAsLong());
        } else {
            builder.up().withDetail("lag", lag.getAsLong());
        }
    }
}
