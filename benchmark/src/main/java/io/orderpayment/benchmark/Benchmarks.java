package io.orderpayment.benchmark;

import java.util.Arrays;

/** {@code java -jar benchmark-exec.jar [payments] [options]}: the outbox and order benchmark, or the payment one. */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("simulate")) {
            Simulation.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("saga")) {
            SagaBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("payments")) {
            PaymentBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
        } else {
            OutboxBenchmark.main(args);
        }
    }
}
