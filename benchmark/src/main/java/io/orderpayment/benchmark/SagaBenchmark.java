package io.orderpayment.benchmark;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The whole process end to end: both services as their packaged jars, in processes of their own,
 * with all infrastructure on this machine. Prints
 * <ol>
 *   <li>confirmed orders per second sustained: 16 clients place orders (tok_ok) as fast as they
 *   are accepted for a while; rate = orders CONFIRMED per second between the first and the last
 *   confirmation; and per confirmed order, PostgreSQL commits, events stored and JVM CPU time;</li>
 *   <li>at half that rate, paced, the time from POST /orders to CONFIRMED, p50 and p99 (from the
 *   order's OrderPlaced and OrderConfirmed timestamps in the read model), and where it goes;</li>
 *   <li>the same for one order a second, on an otherwise idle system.</li>
 * </ol>
 * Schemas, exchanges and queues are its own ({@code bench_saga...}) and removed afterwards, unless
 * {@code --keep} leaves them to look into (the last phase's orders are in the event stores).
 */
public final class SagaBenchmark {

    private static final String ORDER_SCHEMA = "bench_saga_orders";
    private static final String PAYMENT_SCHEMA = "bench_saga_payments";
    private static final String ORDERS_EXCHANGE = "bench.saga.orders";
    private static final String PAYMENTS_EXCHANGE = "bench.saga.payments";
    /** Both services are given them: each declares the other's queues when missing. */
    private static final List<String> QUEUE_SETTINGS = List.of(
            "--app.queues.payment-requests=bench.saga.payment-requests",
            "--app.queues.refund-requests=bench.saga.refund-requests",
            "--app.queues.payment-events=bench.saga.order-payment-events");
    private static final int ORDER_PORT = 18090;
    private static final int PAYMENT_PORT = 18091;
    private static final File LOGS = new File("target");
    /** Each of this benchmark's own queries is a commit of its own, not the system's. */
    private static final AtomicLong OWN_QUERIES = new AtomicLong();

    private SagaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String version = "0.1.0-SNAPSHOT";
        String orderJar = "order-command/target/order-command-" + version + "-exec.jar";
        String paymentJar = "payment-command/target/payment-command-" + version + "-exec.jar";
        int orders = 3000;
        Duration paced = Duration.ofSeconds(30);
        boolean keep = false;
        for (String arg : args) {
            if (arg.startsWith("--orders=")) {
                orders = Integer.parseInt(arg.substring("--orders=".length()));
            } else if (arg.startsWith("--paced=")) {
                paced = Duration.parse("PT" + arg.substring("--paced=".length()).toUpperCase());
            } else if (arg.equals("--keep")) {
                keep = true;
            }
        }
        for (String jar : List.of(orderJar, paymentJar)) {
            if (!new File(jar).isFile()) {
                throw new IllegalStateException("no jar at " + jar + "; run mvn -DskipTests install first");
            }
        }
        cleanUp();
        System.out.printf("%nEnd-to-end benchmark: %d cores; both services and PostgreSQL, RabbitMQ, Redis on this machine%n",
                Runtime.getRuntime().availableProcessors());
        Process payments = ServiceJars.start("payment service", paymentJar, PAYMENT_PORT, "/payments?orderId=ready", withQueues(
                "--app.database.schema=" + PAYMENT_SCHEMA, "--app.outbox.exchange=" + PAYMENTS_EXCHANGE,
                "--app.outbox.confirm-cache.key-prefix=bench:saga:payments:",
                "--app.payment.orders-exchange=" + ORDERS_EXCHANGE, "--app.admin.password=bench"),
                new File(LOGS, "saga-benchmark-payment-service.log"));
        Process ordersService = ServiceJars.start("order service", orderJar, ORDER_PORT, "/orders?customerId=ready", withQueues(
                "--app.database.schema=" + ORDER_SCHEMA, "--app.outbox.exchange=" + ORDERS_EXCHANGE,
                "--app.outbox.confirm-cache.key-prefix=bench:saga:orders:",
                "--app.payment-events.exchange=" + PAYMENTS_EXCHANGE),
                new File(LOGS, "saga-benchmark-order-service.log"));
        try {
            String method = ServiceJars.registerPaymentMethod(PAYMENT_PORT, "bench-customer");
            warmUp(method, Math.min(300, orders));
            double rate = saturate(method, orders, ordersService, payments);
            paced("Paced at half that rate", method, rate / 2, paced);
            // Alone, an order has nothing to share a batch or a wake-up with: what one customer sees on a quiet day.
            paced("One order a second", method, 1, paced.compareTo(Duration.ofSeconds(20)) < 0 ? paced : Duration.ofSeconds(20));
        } finally {
            ServiceJars.stop(ordersService);
            ServiceJars.stop(payments);
            if (!keep) {
                cleanUp();
            }
        }
        System.exit(0);
    }

    private static void warmUp(String method, int orders) throws Exception {
        placeWith(16, orders, method);
        awaitConfirmed(orders, Duration.ofMinutes(2));
        finishPhase();
    }

    /**
     * Places {@code count} orders from 16 clients and returns confirmed orders per second. Also prints
     * what one confirmed order costs, in counts that do not drift with the machine's speed.
     */
    private static double saturate(String method, int count, Process orderService, Process paymentService)
            throws Exception {
        Costs before = Costs.now(orderService, paymentService);
        long start = System.nanoTime();
        placeWith(16, count, method);
        double acceptSeconds = (System.nanoTime() - start) / 1e9;
        awaitConfirmed(count, Duration.ofMinutes(10));
        double[] window = query("select extract(epoch from min(created_at)), extract(epoch from max(updated_at)) from order_view");
        double rate = count / (window[1] - window[0]);
        System.out.printf("Saturated: %d orders from 16 clients, accepted in %.1f s (%.0f/s); confirmed %.0f orders/s end to end%n",
                count, acceptSeconds, count / acceptSeconds, rate);
        printLatencies("  POST to CONFIRMED under saturation (queueing included)");
        awaitSagasEnded();
        Costs.now(orderService, paymentService).minus(before).print(count);
        finishPhase();
        return rate;
    }

    /**
     * Counters of the whole system: PostgreSQL commits (this database, less this benchmark's own
     * queries) and of them the transactions that wrote (the transaction ids handed out, in the whole
     * cluster: a read-only transaction gets none and flushes nothing to disk), events in both stores,
     * each service's CPU time and its JIT compiler's share of it, and the broker's messages (when its
     * management API answers).
     */
    private record Costs(long commits, long writingTransactions, long events, Duration orderCpu, Duration paymentCpu,
                         Duration compilerCpu, Optional<BrokerCounters> messages, InfrastructureCpu infrastructureCpu) {

        static Costs now(Process orderService, Process paymentService) throws Exception {
            // Backends report their counts when idle, at the latest some 10 s later (PostgreSQL 15).
            Thread.sleep(11_000);
            long commits = (long) query("select xact_commit from pg_stat_database where datname = current_database()")[0];
            long transactionIds = (long) query("select pg_snapshot_xmax(pg_current_snapshot())::text::bigint")[0];
            long events = (long) query("select (select count(*) from domain_event_entry)"
                    + " + (select count(*) from " + PAYMENT_SCHEMA + ".domain_event_entry)")[0];
            return new Costs(commits - OWN_QUERIES.get(), transactionIds, events, cpu(orderService), cpu(paymentService),
                    CompilerCpu.of(orderService).plus(CompilerCpu.of(paymentService)), BrokerCounters.now(),
                    InfrastructureCpu.now());
        }

        Costs minus(Costs earlier) {
            return new Costs(commits - earlier.commits, writingTransactions - earlier.writingTransactions,
                    events - earlier.events, orderCpu.minus(earlier.orderCpu),
                    paymentCpu.minus(earlier.paymentCpu), compilerCpu.minus(earlier.compilerCpu),
                    messages.flatMap(now -> earlier.messages.map(now::minus)),
                    infrastructureCpu.minus(earlier.infrastructureCpu));
        }

        void print(int orders) {
            System.out.printf("  per confirmed order: %.1f PostgreSQL commits (%.1f of them wrote), %.1f events stored,"
                            + " JVM CPU %.1f ms (order service %.1f, payment service %.1f; of both, JIT compiler %.1f)%n",
                    (double) commits / orders, (double) writingTransactions / orders, (double) events / orders,
                    (orderCpu.toNanos() + paymentCpu.toNanos()) / 1e6 / orders,
                    orderCpu.toNanos() / 1e6 / orders, paymentCpu.toNanos() / 1e6 / orders,
                    compilerCpu.toNanos() / 1e6 / orders);
            System.out.printf("  per confirmed order: infrastructure CPU ms: %s%n", infrastructureCpu.perOrder(orders));
            System.out.println(messages
                    .map(counted -> String.format("  per confirmed order: %.1f messages published to RabbitMQ, %.1f delivered",
                            (double) counted.published() / orders, (double) counted.delivered() / orders))
                    .orElse("  messages per order: unknown (RabbitMQ's management API does not answer on 15672)"));
        }

        private static Duration cpu(Process process) {
            return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
        }
    }

    private static void paced(String heading, String method, double rate, Duration duration) throws Exception {
        int count = (int) Math.max(1, rate * duration.toSeconds());
        long intervalNanos = (long) (1e9 / rate);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        HttpClient http = HttpClient.newHttpClient();
        List<Future<?>> placed = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            placed.add(clients.submit(() -> place(http, method)));
        }
        for (Future<?> order : placed) {
            order.get(); // a refused order fails the run instead of hiding in the executor
        }
        clients.shutdown();
        awaitConfirmed(count, Duration.ofMinutes(5));
        System.out.printf("%s: %.0f orders/s for %d s (%d orders)%n", heading, rate, duration.toSeconds(), count);
        printLatencies("  POST to CONFIRMED");
        printHops();
        finishPhase();
    }

    /** Each step's name and its length in SQL over the columns of {@code steps} and {@code completed k}. */
    private static final String[][] STEPS = {
            {"saga requests payment", "requested - placed"},
            {"forwarded, consumed, charged, stored by the payment service", "k.at - requested"},
            {"forwarded back, recorded on the order", "paid - k.at"},
            {"confirmed (the order confirms itself with the payment)", "confirmed - paid"},
            {"read model", "viewed - confirmed"}};

    /**
     * Where the time between POST and CONFIRMED goes, from the time stamps of the events in both
     * services' stores: the median and 99th percentile of each step over the confirmed orders.
     */
    private static void printHops() throws Exception {
        double[] p = query("""
                with confirmed as (select order_id, created_at, updated_at from order_view where status = 'CONFIRMED'),
                events as (select aggregate_identifier as order_id, payload_type, time_stamp::timestamptz as at
                           from domain_event_entry where aggregate_identifier in (select order_id from confirmed)),
                completed as (select convert_from(payload, 'UTF8')::json->>'orderId' as order_id, min(time_stamp::timestamptz) as at
                              from %1$s.domain_event_entry where payload_type like '%%.PaymentCompleted' group by 1),
                steps as (select c.order_id, c.created_at as posted, c.updated_at as viewed,
                                 min(e.at) filter (where e.payload_type like '%%.OrderPlaced') as placed,
                                 min(e.at) filter (where e.payload_type like '%%.PaymentRequested') as requested,
                                 min(e.at) filter (where e.payload_type like '%%.OrderPaid') as paid,
                                 min(e.at) filter (where e.payload_type like '%%.OrderConfirmed') as confirmed
                          from confirmed c join events e using (order_id) group by c.order_id, c.created_at, c.updated_at)
                select %2$s
                from steps join completed k using (order_id)""".formatted(PAYMENT_SCHEMA, percentiles(STEPS)));
        StringBuilder line = new StringBuilder("  steps, median / p99:");
        for (int i = 0; i < STEPS.length; i++) {
            line.append(i == 0 ? " " : " | ").append(STEPS[i][0])
                    .append(" %.0f / %.0f ms".formatted(p[2 * i] * 1000, p[2 * i + 1] * 1000));
        }
        System.out.println(line);
    }

    private static String percentiles(String[][] steps) {
        List<String> columns = new ArrayList<>();
        for (String[] step : steps) {
            for (String fraction : List.of("0.5", "0.99")) {
                columns.add("percentile_cont(%s) within group (order by extract(epoch from %s))".formatted(fraction, step[1]));
            }
        }
        return String.join(",\n                       ", columns);
    }

    private static void printLatencies(String label) throws Exception {
        double[] p = query("select percentile_cont(0.5) within group (order by extract(epoch from updated_at - created_at)),"
                + " percentile_cont(0.99) within group (order by extract(epoch from updated_at - created_at)),"
                + " max(extract(epoch from updated_at - created_at)) from order_view where status = 'CONFIRMED'");
        System.out.printf("%s: p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", label, p[0] * 1000, p[1] * 1000, p[2] * 1000);
    }

    private static void placeWith(int clients, int count, String method) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        HttpClient http = HttpClient.newHttpClient();
        AtomicInteger left = new AtomicInteger(count);
        List<Future<?>> clientRuns = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            clientRuns.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    place(http, method);
                }
            }));
        }
        for (Future<?> run : clientRuns) {
            run.get();
        }
        pool.shutdown();
    }

    private static void place(HttpClient http, String method) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ORDER_PORT + "/orders"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"customerId\":\"bench-customer\",\"paymentMethodId\":\"" + method
                            + "\",\"currency\":\"EUR\",\"items\":[{\"productId\":\"book\",\"quantity\":2,\"unitPrice\":12.50}]}"))
                    .build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("POST /orders answered " + response.statusCode());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until every saga has ended, that is, until the saga has also handled the last
     * OrderConfirmed: otherwise the next phase's first orders queue behind that backlog (seen as
     * a 1.4 s stall at the start of the paced phase), and clears the read model for the next phase.
     */
    private static void finishPhase() throws Exception {
        awaitSagasEnded();
        execute("delete from order_view");
    }

    private static void awaitSagasEnded() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (query("select count(*) from saga_entry")[0] > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("sagas still running two minutes after their orders were confirmed");
            }
            Thread.sleep(100);
        }
    }

    private static void awaitConfirmed(int count, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (query("select count(*) from order_view where status = 'CONFIRMED'")[0] < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not all " + count + " orders were confirmed within " + within);
            }
            Thread.sleep(100);
        }
    }

    private static double[] query(String sql) throws Exception {
        OWN_QUERIES.incrementAndGet();
        try (var database = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=" + ORDER_SCHEMA,
                "postgres", "postgres"); ResultSet rows = database.createStatement().executeQuery(sql)) {
            rows.next();
            double[] values = new double[rows.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = rows.getDouble(i + 1);
            }
            return values;
        }
    }

    private static void execute(String sql) throws Exception {
        OWN_QUERIES.incrementAndGet();
        try (var database = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=" + ORDER_SCHEMA,
                "postgres", "postgres")) {
            database.createStatement().execute(sql);
        }
    }

    private static List<String> withQueues(String... arguments) {
        return Stream.concat(Stream.of(arguments), QUEUE_SETTINGS.stream()).toList();
    }

    private static void cleanUp() throws Exception {
        try (var database = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "postgres")) {
            database.createStatement().execute("drop schema if exists " + ORDER_SCHEMA + " cascade");
            database.createStatement().execute("drop schema if exists " + PAYMENT_SCHEMA + " cascade");
        }
        try (Connection rabbit = OutboxBenchmark.rabbitConnection("saga-benchmark")) {
            Channel channel = rabbit.createChannel();
            for (String queue : List.of("bench.saga.payment-requests", "bench.saga.payment-requests.dead-letter",
                    "bench.saga.refund-requests", "bench.saga.refund-requests.dead-letter",
                    "bench.saga.order-payment-events", "bench.saga.order-payment-events.dead-letter",
                    ORDERS_EXCHANGE + ".unrouted", PAYMENTS_EXCHANGE + ".unrouted")) {
                channel.queueDelete(queue);
            }
            for (String exchange : List.of(ORDERS_EXCHANGE, PAYMENTS_EXCHANGE, ORDERS_EXCHANGE + ".unrouted",
                    PAYMENTS_EXCHANGE + ".unrouted")) {
                channel.exchangeDelete(exchange);
            }
        }
    }
}
