package io.orderpayment.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.orderpayment.api.Money;
import io.orderpayment.api.PaymentIds;
import io.orderpayment.api.order.PaymentRequested;
import io.orderpayment.outbox.amqp.OutboxTopology;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Payments processed per second inside the payment service: a backlog of payment requests waits in
 * its queue while it is stopped; once it runs and has warmed up on the first third, the results
 * confirmed on the payments exchange per second are measured. The service runs as its packaged jar, in a process of its
 * own, on a schema, exchanges and queues of its own ({@code bench...}, removed afterwards).
 */
public final class PaymentBenchmark {

    private static final String SCHEMA = "bench_payments";
    private static final String ORDERS_EXCHANGE = "bench.payments.orders";
    private static final String PAYMENTS_EXCHANGE = "bench.payments.events";
    private static final String REQUEST_QUEUE = "bench.payment-requests";
    private static final String OUTCOME_QUEUE = "bench.payment-events";
    private static final String REFUND_QUEUE = "bench.refund-requests";
    private static final String RESULTS_QUEUE = "bench.payments.results";
    private static final int PORT = 18081;
    private static final File LOG = new File("target/payment-benchmark-service.log");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private PaymentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String jar = "payment-command/target/payment-command-0.1.0-SNAPSHOT-exec.jar";
        int consumers = 4;
        int backlog = 6000;
        List<String> serviceArguments = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--jar=")) {
                jar = arg.substring("--jar=".length());
            } else if (arg.startsWith("--requests=")) {
                // Smaller for a smoke run (.ci/run); figures compare only at the default.
                backlog = Integer.parseInt(arg.substring("--requests=".length()));
            } else if (arg.startsWith("--consumers=")) {
                consumers = Integer.parseInt(arg.substring("--consumers=".length()));
            } else {
                serviceArguments.add(arg);
            }
        }
        if (!new File(jar).isFile()) {
            throw new IllegalStateException("no payment service jar at " + jar + "; run mvn -DskipTests install first");
        }
        System.out.printf("%nPayment benchmark: %d cores, %d consumers%n", Runtime.getRuntime().availableProcessors(), consumers);
        System.out.println("A backlog of payment requests (tok_ok) is processed; rate = results confirmed on payments.events per second.");
        try {
            for (String latency : List.of("0ms", "50ms")) {
                int requests = latency.equals("0ms") ? backlog : backlog / 4;
                measure(jar, latency, consumers, requests, serviceArguments);
            }
        } finally {
            cleanUp();
        }
        System.exit(0);
    }

    private static void measure(String jar, String latency, int consumers, int requests, List<String> extra) throws Exception {
        cleanUp();
        // The order service's exchange, as its outbox declares it: the payment service binds its queues to it.
        try (Connection rabbit = OutboxBenchmark.rabbitConnection("payment-benchmark")) {
            new OutboxTopology(ORDERS_EXCHANGE, ORDERS_EXCHANGE + ".unrouted", 100_000).declare(rabbit.createChannel());
        }
        // The port is ServiceJars.start's to pass: given twice, Spring Boot reads "port,port" and does not start.
        List<String> arguments = new ArrayList<>(List.of(
                "--app.database.schema=" + SCHEMA,
                "--app.outbox.exchange=" + PAYMENTS_EXCHANGE,
                "--app.outbox.confirm-cache.key-prefix=bench:payments:confirmed:",
                "--app.payment.orders-exchange=" + ORDERS_EXCHANGE,
                "--app.queues.payment-requests=" + REQUEST_QUEUE,
                "--app.queues.refund-requests=" + REFUND_QUEUE,
                // Its outbox declares the order service's queue of outcomes when missing: this one, not the real one.
                "--app.queues.payment-events=" + OUTCOME_QUEUE,
                "--app.payment.consumers=" + consumers,
                "--app.payment.gateway.latency=" + latency,
                "--app.admin.password=bench",
                "--logging.level.root=WARN"));
        arguments.addAll(extra);

        // First run: declares the queues, registers the payment method; then the backlog builds up.
        String paymentMethod;
        Process service = ServiceJars.start("payment service", jar, PORT, "/payments?orderId=ready", arguments, LOG);
        try {
            paymentMethod = ServiceJars.registerPaymentMethod(PORT, "bench-customer");
            // Its consumers connect, and declare its queues, after it answers HTTP: wait for them.
            awaitQueue(REQUEST_QUEUE, Duration.ofMinutes(1));
        } finally {
            ServiceJars.stop(service);
        }
        try (Connection rabbit = OutboxBenchmark.rabbitConnection("payment-benchmark")) {
            Channel channel = rabbit.createChannel();
            new OutboxTopology(PAYMENTS_EXCHANGE, PAYMENTS_EXCHANGE + ".unrouted", 100_000).declare(channel);
            channel.queueDeclare(RESULTS_QUEUE, true, false, false, Map.of());
            channel.queueBind(RESULTS_QUEUE, PAYMENTS_EXCHANGE, "#");
            publishBacklog(channel, requests, paymentMethod);

            // The first third warms the fresh JVM up (JIT, connection pools); the rest is measured.
            int warmUp = requests / 3;
            CountDownLatch warm = new CountDownLatch(warmUp);
            CountDownLatch all = new CountDownLatch(requests);
            AtomicLong last = new AtomicLong();
            channel.basicConsume(RESULTS_QUEUE, true, (tag, delivery) -> {
                last.set(System.nanoTime());
                warm.countDown();
                all.countDown();
            }, tag -> { });
            service = ServiceJars.start("payment service", jar, PORT, "/payments?orderId=ready", arguments, LOG);
            try {
                if (!warm.await(10, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("no payments processed within 10 minutes");
                }
                long start = System.nanoTime();
                Duration cpuBefore = cpu(service);
                if (!all.await(10, TimeUnit.MINUTES)) {
                    throw new IllegalStateException(all.getCount() + " payments missing after 10 minutes");
                }
                Duration cpuUsed = cpu(service).minus(cpuBefore);
                double seconds = (last.get() - start) / 1e9;
                int measured = requests - warmUp;
                System.out.printf("  gateway latency %-5s %,6d payments in %5.1f s: %,7.0f payments/s  (service JVM used %.2f cores)%n",
                        latency, measured, seconds, measured / seconds, cpuUsed.toMillis() / 1000.0 / seconds);
            } finally {
                ServiceJars.stop(service);
            }
        }
    }

    private static void publishBacklog(Channel channel, int requests, String paymentMethod) throws Exception {
        channel.confirmSelect();
        Instant payBefore = Instant.now().plus(Duration.ofHours(1));
        Money amount = new Money(new BigDecimal("25.00"), "EUR");
        for (int i = 0; i < requests; i++) {
            String orderId = UUID.randomUUID().toString();
            String eventId = UUID.randomUUID().toString();
            byte[] body = JSON.writeValueAsBytes(new PaymentRequested(orderId, PaymentIds.of(orderId, 1), 1, "bench-customer",
                    paymentMethod, amount, payBefore));
            channel.basicPublish(ORDERS_EXCHANGE, "payment.requested", true, new AMQP.BasicProperties.Builder()
                    .contentType("application/json").deliveryMode(2).messageId(eventId)
                    .headers(Map.of("event-id", eventId)).build(), body);
        }
        channel.waitForConfirmsOrDie(60_000);
    }

    private static void awaitQueue(String queue, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try (Connection rabbit = OutboxBenchmark.rabbitConnection("payment-benchmark-probe")) {
                rabbit.createChannel().queueDeclarePassive(queue);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the payment service did not declare " + queue + " within " + within);
                }
                Thread.sleep(200);
            }
        }
    }

    private static Duration cpu(Process process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static void cleanUp() throws Exception {
        try (var database = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "postgres")) {
            database.createStatement().execute("drop schema if exists " + SCHEMA + " cascade");
        }
        try (Connection rabbit = OutboxBenchmark.rabbitConnection("payment-benchmark")) {
            Channel channel = rabbit.createChannel();
            for (String queue : List.of(REQUEST_QUEUE, REQUEST_QUEUE + ".dead-letter", REFUND_QUEUE, REFUND_QUEUE + ".dead-letter",
                    RESULTS_QUEUE, OUTCOME_QUEUE, OUTCOME_QUEUE + ".dead-letter", PAYMENTS_EXCHANGE + ".unrouted",
                    ORDERS_EXCHANGE + ".unrouted")) {
                channel.queueDelete(queue);
            }
            for (String exchange : List.of(ORDERS_EXCHANGE, ORDERS_EXCHANGE + ".unrouted", PAYMENTS_EXCHANGE,
                    PAYMENTS_EXCHANGE + ".unrouted", REQUEST_QUEUE + ".dlx", REQUEST_QUEUE + ".redrive",
                    REFUND_QUEUE + ".dlx", REFUND_QUEUE + ".redrive", OUTCOME_QUEUE + ".dlx")) {
                channel.exchangeDelete(exchange);
            }
        }
    }
}
