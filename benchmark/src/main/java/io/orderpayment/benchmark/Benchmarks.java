package io.orderpayment.benchmark;

import java.util.Arrays;

/**
 * {@code java -jar benchmark-exec.jar [saga|payments|simulate|chaos] [options]}: the outbox benchmark by default,
 * the end-to-end or payment benchmark, the simulation, or the chaos kit.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("simulate")) {
            Simulation.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("chaos")) {
            Chaos.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("saga")) {
            SagaBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("payments")) {
            PaymentBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
        } else {
            OutboxBenchmark.main(args);
        }
    }
}
