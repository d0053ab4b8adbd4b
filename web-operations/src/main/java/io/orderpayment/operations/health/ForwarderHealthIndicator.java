package io.orderpayment.operations.health;

import io.orderpayment.operations.processors.ProcessorPositions;
import io.orderpayment.outbox.ForwarderStatistics;
import io.orderpayment.outbox.OutboxForwarder;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * How far the outbox forwarder is behind the event store, and whether it parked events the broker
 * refused. Events wait safely in the store while it lags (the broker is down, say), and parked ones
 * wait for an operator while the rest flows, so both degrade the service rather than make it
 * unhealthy.
 */
public class ForwarderHealthIndicator extends AbstractHealthIndicator {

    private final ProcessorPositions positions;
    private final ForwarderStatistics statistics;
    private final LongSupplier parkedEvents;
    private final long lagWarning;

    public ForwarderHealthIndicator(ProcessorPositions positions, ForwarderStatistics statistics,
                                    LongSupplier parkedEvents, long lagWarning) {
        super("Outbox forwarder health check failed");
        this.positions = positions;
        this.statistics = statistics;
        this.parkedEvents = parkedEvents;
        this.lagWarning = lagWarning;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        OptionalLong lag = positions.lag(OutboxForwarder.PROCESSING_GROUP);
        long parked = parkedEvents.getAsLong();
        builder.withDetail("failedBatches", statistics.failedBatches())
                .withDetail("parked", parked)
                .withDetail("forwarded", statistics.published())
                .withDetail("lagWarning", lagWarning);
        statistics.lastFailure().ifPresent(failure -> builder.withDetail("lastFailure", failure));
        if (lag.isEmpty()) {
            // No token yet: the forwarder has not started on this store, or no node has claimed it.
            builder.status(Degraded.STATUS).withDetail("lag", "unknown: no segment claimed yet");
        } else if (lag.getAsLong() > lagWarning) {
            builder.status(Degraded.STATUS).withDetail("lag", lag.getAsLong());
        } else {
            builder.status(parked > 0 ? Degraded.STATUS : Status.UP).withDetail("lag", lag.getAsLong());
        }
    }
}
