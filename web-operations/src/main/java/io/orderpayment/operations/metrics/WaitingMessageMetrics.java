package io.orderpayment.operations.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.orderpayment.operations.deadletters.DeadLetterQueues;
import io.orderpayment.operations.unrouted.UnroutedEvents;

import java.util.function.LongSupplier;

/**
 * Messages waiting for an operator: dead letters per consumed queue, the service's events no queue
 * was bound for, and the events its forwarder parked. Anything above zero wants a look.
 */
public class WaitingMessageMetrics implements MeterBinder {

    private final DeadLetterQueues deadLetters;
    private final UnroutedEvents unrouted;
    private final LongSupplier parkedEvents;

    /** @param unrouted null when the service keeps no unrouted events (no alternate exchange) */
    public WaitingMessageMetrics(DeadLetterQueues deadLetters, UnroutedEvents unrouted, LongSupplier parkedEvents) {
        this.deadLetters = deadLetters;
        this.unrouted = unrouted;
        this.parkedEvents = parkedEvents;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String queue : deadLetters.queues()) {
            Gauge.builder("rabbitmq.dead.letters", () -> count(() -> deadLetters.count(queue)))
                    .description("Messages in the queue's dead-letter queue (NaN while the broker cannot be asked)")
                    .baseUnit("messages")
                    .tag("queue", queue)
                    .register(registry);
        }
        if (unrouted != null) {
            Gauge.builder("outbox.unrouted.events", () -> count(unrouted::count))
                    .description("Events published while no queue was bound for them, kept for an operator "
                            + "(NaN while the broker cannot be asked)")
                    .baseUnit("events")
                    .tag("exchange", unrouted.exchange())
                    .register(registry);
        }
        Gauge.builder("outbox.parked.events", () -> count(parkedEvents))
                .description("Events the broker refused, parked with the later events of their aggregates until an "
                        + "operator retries them (NaN while the database cannot be asked)")
                .baseUnit("events")
                .register(registry);
    }

    private static double count(LongSupplier count) {
        try {
            return count.getAsLong();
        } catch (RuntimeException unreachable) {
            return Double.NaN;
        }
    }
}
