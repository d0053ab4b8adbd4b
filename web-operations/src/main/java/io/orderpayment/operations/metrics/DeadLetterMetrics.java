package io.orderpayment.operations.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.orderpayment.operations.deadletters.DeadLetterQueues;

/** Dead letters waiting for an operator, per consumed queue: anything above zero wants a look. */
public class DeadLetterMetrics implements MeterBinder {

    private final DeadLetterQueues deadLetters;

    public DeadLetterMetrics(DeadLetterQueues deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String queue : deadLetters.queues()) {
            Gauge.builder("rabbitmq.dead.letters", () -> count(queue))
                    .description("Messages in the queue's dead-letter queue (NaN while the broker cannot be asked)")
                    .baseUnit("messages")
                    .tag("queue", queue)
                    .register(registry);
        }
    }

    private double count(String queue) {
        try {
            return deadLetters.count(queue);
        } catch (RuntimeException brokerUnreachable) {
            return Double.NaN;
        }
    }
}
