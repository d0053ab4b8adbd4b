package io.orderpayment.operations.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderpayment.operations.processors.ProcessorPositions;

/** A gauge of how many stored events a streaming processor has yet to handle, read at each scrape. */
public class ProcessorLag {

    private final ProcessorPositions positions;

    public ProcessorLag(ProcessorPositions positions) {
        this.positions = positions;
    }

    public void register(MeterRegistry registry, String processor) {
        Gauge.builder("event.processor.lag", () -> positions.lag(processor).orElse(-1))
                .description("Events stored but not yet handled by the processor's slowest segment (-1: no token yet)")
                .baseUnit("events")
                .tag("processor", processor)
                .register(registry);
    }
}
