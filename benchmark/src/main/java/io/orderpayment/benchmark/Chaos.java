package io.orderpayment.benchmark;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The chaos kit ({@code bin/chaos}): customers keep ordering, each retrying with the same
 * Idempotency-Key until accepted, while faults are injected; then it waits until every order has
 * settled and audits the promises (see {@link ChaosAudit}). Exit code 1 if one broke.
 * <p>
 * By default it starts both services itself (the packaged jars, on 8080 and 8081 or
 * {@code ORDER_PORT} and {@code PAYMENT_PORT}, like {@code bin/start}), so it can kill and restart them. With {@code --orders=URL --payments=URL} it
 * works against services already running and injects only the infrastructure faults.
 */
public final class Chaos {

    private static final String ORDER_JAR = "order-command/target/order-command-0.1.0-SNAPSHOT-exec.jar";
    private static final String PAYMENT_JAR = "payment-command/target/payment-command-0.1.0-SNAPSHOT-exec.jar";
    /** The ports {@code bin/start} uses, and takes from the same variables. */
    private static final int ORDER_PORT = Integer.parseInt(System.getenv().getOrDefault("ORDER_PORT", "8080"));
    private static final int PAYMENT_PORT = Integer.parseInt(System.getenv().getOrDefault("PAYMENT_PORT", "8081"));

    private final Options options;
    private final OrderPaymentApi api;
    private Instant started = Instant.now();
    private final List<String> timeline = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Customer> customers = new LinkedHashMap<>();
    private final Map<String, AcceptedOrder> accepted = new ConcurrentHashMap<>();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong givenUp = new AtomicLong();
    private final List<String> rejected = Collections.synchronizedList(new ArrayList<>());
    private volatile Instant orderingEnds;
    private final OwnService orderService = new OwnService("order service", this::startOrderService);
    private final OwnService paymentService = new OwnService("payment service", this::startPaymentService);

    private Chaos(Options options) {
        this.options = options;
        this.api = new OrderPaymentApi(options.ordersUrl(), options.paymentsUrl(), options.adminPassword());
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        System.exit(new Chaos(options).run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        System.out.printf("Chaos run: %d s of ordering by %d customers, faults %s every %d s%s%n",
                options.duration().toSeconds(), options.customers(), options.faults(), options.faultEvery().toSeconds(),
                options.startsServices() ? ", services started here" : ", against " + options.ordersUrl());
        try {
            if (options.startsServices()) {
                orderService.start();
                paymentService.start();
            }
            registerCustomers();
            started = Instant.now();
            order();
            Instant faultsOver = Instant.now();
            Duration settling = awaitSettled();
            ChaosAudit.Result result = audit();
            printTimeline();
            result.print(Duration.between(faultsOver, faultsOver.plus(settling)), givenUp.get(), retries.get());
            return result.promisesKept();
        } finally {
            if (options.startsServices()) {
                orderService.stop();
                paymentService.stop();
            }
        }
    }

    private void registerCustomers() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < options.customers(); i++) {
            String id = "chaos-" + run + "-" + i;
            // One customer in four has a card that is declined: some orders end CANCELLED, and must keep nothing.
            String token = i % 4 == 3 ? "tok_insufficient_funds" : "tok_ok";
            customers.put(id, new Customer(id, api.registerPaymentMethod(id, token), new AtomicLong()));
        }
    }

    /**
     * Customers order for the run's duration while a fault comes every interval, each on a thread of
     * its own: a restart takes longer than the interval, and faults may overlap as they would.
     */
    private void order() throws Exception {
        AtomicBoolean ordering = new AtomicBoolean(true);
        Instant end = Instant.now().plus(options.duration());
        orderingEnds = end;
        ExecutorService pool = Executors.newFixedThreadPool(customers.size());
        ExecutorService faultThreads = Executors.newCachedThreadPool();
        List<Future<?>> customerRuns = new ArrayList<>();
        for (Customer customer : customers.values()) {
            customerRuns.add(pool.submit(() -> orderUntilStopped(customer, ordering)));
        }
        List<Fault> faults = options.faults().stream()
                .filter(fault -> options.startsServices() || !fault.needsOwnServices)
                .toList();
        int next = 0;
        Instant nextFault = Instant.now().plus(options.faultEvery());
        Instant nextProgress = Instant.now().plus(Duration.ofSeconds(5));
        while (Instant.now().isBefore(end)) {
            if (!faults.isEmpty() && !Instant.now().isBefore(nextFault)) {
                Fault fault = faults.get(next++ % faults.size());
                faultThreads.submit(() -> inject(fault));
                nextFault = nextFault.plus(options.faultEvery());
            }
            if (!Instant.now().isBefore(nextProgress)) {
                progress();
                nextProgress = Instant.now().plus(Duration.ofSeconds(5));
            }
            Thread.sleep(100);
        }
        ordering.set(false);
        faultThreads.shutdown();
        if (!faultThreads.awaitTermination(5, TimeUnit.MINUTES)) {
            note("a fault was still under way after 5 minutes");
        }
        pool.shutdown();
        // A customer whose last order is still being retried gets a minute more to be answered.
        if (!pool.awaitTermination(90, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        // A customer that stopped on an error of the kit itself would make the run prove less than it says.
        for (Future<?> run : customerRuns) {
            if (run.isDone() && !run.isCancelled()) {
                run.get();
            }
        }
        progress();
    }

    private void orderUntilStopped(Customer customer, AtomicBoolean ordering) {
        while (ordering.get()) {
            String key = UUID.randomUUID().toString();
            // A request under way when ordering ends gets a minute more to be accepted.
            Instant giveUpAt = orderingEnds.plus(Duration.ofSeconds(60));
            try {
                Optional<String> order = api.tryPlaceOrder(customer.id(), customer.paymentMethod(), key);
                while (order.isEmpty() && Instant.now().isBefore(giveUpAt)) {
                    retries.incrementAndGet();
                    Thread.sleep(250);
                    order = api.tryPlaceOrder(customer.id(), customer.paymentMethod(), key);
                }
                if (order.isPresent()) {
                    accepted.put(key, new AcceptedOrder(customer.id(), key, order.get()));
                } else {
                    givenUp.incrementAndGet();
                    customer.givenUp().incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                rejected.add(e.getMessage());
                if (!pauseAfterRejection()) {
                    return;
                }
            }
        }
    }

    /** A customer whose order was refused does not hammer the service with the next one. */
    private static boolean pauseAfterRejection() {
        try {
            Thread.sleep(250);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void inject(Fault fault) {
        try {
            switch (fault) {
                case KILL_ORDER -> orderService.killAndRestart();
                case KILL_PAYMENT -> paymentService.killAndRestart();
                case BROKER -> {
                    note("RabbitMQ stopped (rabbitmqctl stop_app)");
                    command("rabbitmqctl", "stop_app");
                    Thread.sleep(5_000);
                    command("rabbitmqctl", "start_app");
                    note("RabbitMQ started");
                }
                case REDIS -> {
                    command("redis-cli", "-h", "127.0.0.1", "flushall");
                    command("redis-cli", "-h", "127.0.0.1", "client", "kill", "type", "normal");
                    note("Redis flushed and every client disconnected");
                }
                case POSTGRES -> {
                    String version = command("pg_lsclusters", "-h").trim().split("\\s+")[0];
                    note("PostgreSQL " + version + " restarting");
                    command("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart");
                    note("PostgreSQL restarted");
                }
            }
        } catch (Exception e) {
            note(fault.name + " failed: " + e.getMessage());
        }
    }

    /** Waits until every accepted order is final and its money settled, or the settle timeout passes. */
    private Duration awaitSettled() throws Exception {
        Instant from = Instant.now();
        Instant until = from.plus(options.settleTimeout());
        Set<String> open = accepted.values().stream().map(AcceptedOrder::orderId).collect(Collectors.toCollection(
                () -> ConcurrentHashMap.newKeySet()));
        while (!open.isEmpty() && Instant.now().isBefore(until)) {
            for (String order : List.copyOf(open)) {
                try {
                    if (api.settled(order)) {
                        open.remove(order);
                    }
                } catch (IOException | IllegalStateException notYet) {
                    // the service restarting, or the order not there: the audit will say
                }
            }
            if (!open.isEmpty()) {
                System.out.printf("  +%5.0fs  settling: %d of %d orders not yet final or with money on its way%n",
                        seconds(Instant.now()), open.size(), accepted.size());
                Thread.sleep(2_000);
            }
        }
        return Duration.between(from, Instant.now());
    }

    private ChaosAudit.Result audit() throws Exception {
        ChaosAudit audit = new ChaosAudit();
        for (AcceptedOrder order : accepted.values()) {
            Optional<JsonNode> view = api.findOrder(order.orderId());
            audit.accepted(order.customer(), order.idempotencyKey(), order.orderId(), view.orElse(null),
                    view.isPresent() ? api.ledger(order.orderId()) : OrderPaymentApi.JSON.createArrayNode());
        }
        for (Customer customer : customers.values()) {
            audit.unanswered(customer.id(), customer.givenUp().get());
            for (int page = 0; ; page++) {
                JsonNode orders = api.customerOrders(customer.id(), page);
                orders.path("orders").forEach(order -> audit.listed(customer.id(), order.path("orderId").asText()));
                if (page + 1 >= orders.path("totalPages").asInt()) {
                    break;
                }
            }
        }
        for (String orderId : audit.unclaimed()) {
            audit.unheard(orderId, api.order(orderId), api.ledger(orderId));
        }
        for (JsonNode entry : api.ledgerSince(started.minusSeconds(1))) {
            audit.ledgerEntry(entry);
        }
        for (String orderId : audit.chargedOrdersNotAccepted()) {
            // Another client's order (the system may be shared) is no concern; an order nobody has is.
            if (api.findOrder(orderId).isEmpty()) {
                audit.chargeWithoutOrder(orderId);
            }
        }
        rejected.forEach(audit::rejected);
        return audit.result();
    }

    private void progress() {
        System.out.printf("  +%5.0fs  accepted %d, retries %d, rejected %d%n", seconds(Instant.now()), accepted.size(),
                retries.get(), rejected.size());
    }

    private void note(String what) {
        String line = String.format(Locale.ROOT, "  +%5.1fs  %s", seconds(Instant.now()), what);
        timeline.add(line);
        System.out.println(line);
    }

    private void printTimeline() {
        System.out.println();
        System.out.println("Faults:");
        if (timeline.isEmpty()) {
            System.out.println("  none");
        }
        timeline.forEach(System.out::println);
    }

    private double seconds(Instant at) {
        return Duration.between(started, at).toMillis() / 1000.0;
    }

    private Process startOrderService() throws Exception {
        return ServiceJars.start("order service", ORDER_JAR, ORDER_PORT, "/orders?customerId=ready", List.of(
                "--app.admin.password=" + options.adminPassword(),
                "--app.payment-service.url=" + options.paymentsUrl(),
                "--app.saga.payment-deadline=" + options.paymentDeadline().toSeconds() + "s"),
                new File("target/chaos/order-service.log"));
    }

    private Process startPaymentService() throws Exception {
        return ServiceJars.start("payment service", PAYMENT_JAR, PAYMENT_PORT, "/payments?orderId=ready", List.of(
                "--app.admin.password=" + options.adminPassword()), new File("target/chaos/payment-service.log"));
    }

    /** A service this run started, and may kill and start again; one restart at a time. */
    private final class OwnService {

        private final String name;
        private final Callable<Process> starter;
        private final AtomicBoolean restarting = new AtomicBoolean();
        private volatile Process process;

        OwnService(String name, Callable<Process> starter) {
            this.name = name;
            this.starter = starter;
        }

        void start() throws Exception {
            process = starter.call();
        }

        void killAndRestart() throws Exception {
            if (!restarting.compareAndSet(false, true)) {
                note("kill of the " + name + " skipped: it is still restarting");
                return;
            }
            try {
                note("kill -9 " + name + " (pid " + process.pid() + ")");
                process.destroyForcibly().waitFor();
                start();
                note(name + " restarted");
            } finally {
                restarting.set(false);
            }
        }

        void stop() throws InterruptedException {
            if (process != null && process.isAlive()) {
                ServiceJars.stop(process);
            }
        }
    }

    /** Runs a command of this machine and returns what it printed; fails unless it exits 0 within a minute. */
    private static String command(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // Read to the end first: a command that writes more than the pipe holds would wait for a reader.
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within a minute");
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + process.exitValue() + ": " + output.trim());
        }
        return output;
    }

    /** @param givenUp requests never answered: the service may have accepted them without the customer hearing it */
    private record Customer(String id, String paymentMethod, AtomicLong givenUp) {
    }

    private record AcceptedOrder(String customer, String idempotencyKey, String orderId) {
    }

    enum Fault {
        KILL_ORDER("kill-order", true),
        KILL_PAYMENT("kill-payment", true),
        BROKER("broker", false),
        REDIS("redis", false),
        POSTGRES("postgres", false);

        final String name;
        final boolean needsOwnServices;

        Fault(String name, boolean needsOwnServices) {
            this.name = name;
            this.needsOwnServices = needsOwnServices;
        }

        static Fault named(String name) {
            return Arrays.stream(values()).filter(fault -> fault.name.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown fault '" + name + "'; faults: "
                            + Arrays.stream(values()).map(fault -> fault.name).collect(Collectors.joining(", "))));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * {@code bin/chaos [--duration=60s] [--customers=8] [--faults=kill-order,kill-payment,broker,redis]
     * [--fault-every=10s] [--settle-timeout=5m] [--payment-deadline=2m] [--orders=URL --payments=URL]
     * [--admin-password=P]}; {@code postgres} is a fault too, left out unless named.
     */
    record Options(Duration duration, int customers, List<Fault> faults, Duration faultEvery, Duration settleTimeout,
                   Duration paymentDeadline, String ordersUrl, String paymentsUrl, String adminPassword,
                   boolean startsServices) {

        static Options parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (String arg : args) {
                String[] pair = arg.replaceFirst("^--", "").split("=", 2);
                given.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
            boolean startsServices = !given.containsKey("orders");
            String password = given.getOrDefault("admin-password", System.getenv().getOrDefault("APP_ADMIN_PASSWORD", ""));
            if (password.isEmpty()) {
                if (!startsServices) {
                    throw new IllegalArgumentException("the audit reads the gateway's ledger: --admin-password=... or APP_ADMIN_PASSWORD");
                }
                password = UUID.randomUUID().toString();
            }
            List<Fault> faults = Arrays.stream(given.getOrDefault("faults", "kill-order,kill-payment,broker,redis").split(","))
                    .map(String::trim).filter(name -> !name.isEmpty()).map(Fault::named).toList();
            return new Options(duration(given.getOrDefault("duration", "60s")),
                    Integer.parseInt(given.getOrDefault("customers", "8")), faults,
                    duration(given.getOrDefault("fault-every", "10s")), duration(given.getOrDefault("settle-timeout", "5m")),
                    duration(given.getOrDefault("payment-deadline", "2m")),
                    given.getOrDefault("orders", "http://localhost:" + ORDER_PORT),
                    given.getOrDefault("payments", "http://localhost:" + PAYMENT_PORT), password, startsServices);
        }

        private static Duration duration(String text) {
            String value = text.trim().toLowerCase(Locale.ROOT);
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            return switch (value.charAt(value.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new IllegalArgumentException("'" + text + "' is not a duration like 30s, 5m or 1h");
            };
        }
    }
}
