package io.orderpayment.operations.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.orderpayment.outbox.ForwarderStatistics;
import io.orderpayment.outbox.OutboxForwarder;
import io.orderpayment.outbox.audit.OutboxAudit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The forwarder's work as Prometheus sees it: events forwarded (its rate is events/s), batches
 * failed, the time from a batch's first publish to its last confirm (a histogram, so that Prometheus
 * can give its percentiles), its lag behind the store, and the events its audit found skipped.
 */
public class OutboxMetrics implements MeterBinder {

    private final ForwarderStatistics statistics;
    private final ProcessorLag lag;
    private final OutboxAudit audit;

    public OutboxMetrics(ForwarderStatistics statistics, ProcessorLag lag, OutboxAudit audit) {
        this.statistics = statistics;
        this.lag = lag;
        this.audit = audit;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("outbox.forwarded", statistics, ForwarderStatistics::published)
                .description("Events the broker confirmed (a republished event counts again)")
                .baseUnit("events").register(registry);
        FunctionCounter.builder("outbox.skipped", statistics, ForwarderStatistics::skippedAsConfirmed)
                .description("Events not sent again because the confirm cache knew them")
                .baseUnit("events").register(registry);
        FunctionCounter.builder("outbox.audit.republished", audit, OutboxAudit::republished)
                .description("Events the audit found skipped by the forwarder and published")
                .baseUnit("events").register(registry);
        FunctionCounter.builder("outbox.batches.failed", statistics, ForwarderStatistics::failedBatches)
                .description("Batches that failed and were left for the processor to retry")
                .register(registry);
        Timer confirmTime = Timer.builder("outbox.batch.confirm")
                .description("Time from a batch's first publish to its last confirm")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        statistics.onBatchConfirmed(nanos -> confirmTime.record(nanos, TimeUnit.NANOSECONDS));
        lag.register(registry, OutboxForwarder.PROCESSING_GROUP);
    }
}
