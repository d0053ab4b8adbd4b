package io.orderpayment.operations.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.orderpayment.operations.deadletters.DeadLetterQueues;
import io.orderpayment.operations.unrouted.UnroutedEvents;

import java.util.function.LongSupplier;

/**
 * Messages waiting for an operator: dead letters per consumed queue, and the service's events no
 * queue was bound for. Anything above zero wants a look.
 */
public class WaitingMessageMetrics implements MeterBinder {

    private final DeadLetterQueues deadLetters;
    private final UnroutedEvents unrouted;

    /** @param unrouted null when the service keeps no unrouted events (no alternate exchange) */
    public WaitingMessageMetrics(DeadLetterQueues deadLetters, UnroutedEvents unrouted) {
        this.deadLetters = deadLetters;
        this.unrouted = unrouted;
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
    }

    private static double count(LongSupplier count) {
        try {
            return count.getAsLong();
        } catch (RuntimeException brokerUnreachable) {
            return Double.NaN;
        }
    }
}
