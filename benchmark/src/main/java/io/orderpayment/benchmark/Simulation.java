package io.orderpayment.benchmark;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Runs the order–payment scenarios against the running system (bin/start) over HTTP and prints,
 * per order, its timeline from both services, then checks the promises: every order final,
 * charges kept = confirmed orders, no cancelled order keeps money.
 * <p>
 * {@code java -jar benchmark/target/benchmark-exec.jar simulate [--orders=URL] [--payments=URL] [--admin-password=P]}
 * <p>
 * The timeout and late-payment scenarios need a payment deadline the simulated gateway's latency
 * (at most 60s) can outlast: start the system with {@code APP_SAGA_PAYMENT_DEADLINE=20s}.
 */
public final class Simulation {

    private static final Duration SETTLE = Duration.ofMinutes(3);

    private final OrderPaymentApi api;
    private final Map<String, String> scenarioOf = new LinkedHashMap<>();

    private Simulation(OrderPaymentApi api) {
        this.api = api;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        String password = options.getOrDefault("admin-password", System.getenv().getOrDefault("APP_ADMIN_PASSWORD", ""));
        if (password.isEmpty()) {
            System.err.println("The gateway switch needs the admin password: --admin-password=... or APP_ADMIN_PASSWORD (bin/start prints it).");
            System.exit(2);
        }
        boolean kept = new Simulation(new OrderPaymentApi(options.getOrDefault("orders", "http://localhost:8080"),
                options.getOrDefault("payments", "http://localhost:8081"), password)).run();
        System.exit(kept ? 0 : 1);
    }

    /**
     * The gateway's outage and latency apply to every payment, so each scenario has settled before
     * the next one changes them.
     */
    private boolean run() throws Exception {
        String customer = "simulation-" + UUID.randomUUID().toString().substring(0, 8);
        api.gateway(false, "0ms");

        awaitSettled(place("approved payment", customer, "tok_ok"),
                place("hard decline", customer, "tok_insufficient_funds"),
                place("gateway error on every attempt", customer, "tok_gateway_error"));

        api.gateway(true, "0ms");
        String outage = place("gateway outage, ended before the deadline", customer, "tok_ok");
        awaitOrder(outage, view -> !view.path("lastPaymentFailure").isNull(), Duration.ofSeconds(30));
        api.gateway(false, "0ms");
        awaitSettled(outage);

        api.gateway(false, "3s");
        String customerCancels = place("customer cancels while the charge is under way", customer, "tok_ok");
        awaitOrder(customerCancels, view -> view.path("paymentAttempts").asInt() >= 1, Duration.ofSeconds(30));
        api.cancelOrder(customerCancels);
        awaitSettled(customerCancels);

        Duration deadline = deadlineOf(customerCancels);
        if (deadline.compareTo(Duration.ofSeconds(55)) <= 0) {
            api.gateway(false, deadline.plusSeconds(3).toMillis() + "ms");
            awaitSettled(place("charge slower than the deadline (late payment)", customer, "tok_ok"));
        } else {
            System.out.println("(payment deadline is " + deadline + ": start with APP_SAGA_PAYMENT_DEADLINE=20s to see a timeout and a late payment refunded)");
        }
        api.gateway(false, "0ms");
        return report();
    }

    private String place(String scenario, String customer, String token) throws IOException, InterruptedException {
        String order = api.placeOrder(customer, api.registerPaymentMethod(customer, token));
        scenarioOf.put(order, scenario + " (" + token + ")");
        System.out.println("placed " + order + ": " + scenario);
        return order;
    }

    /** Waits (bounded) until these orders are final and no money of theirs is on its way. */
    private void awaitSettled(String... orders) throws Exception {
        System.out.println("  waiting until it is final and any refund made...");
        Instant until = Instant.now().plus(SETTLE);
        for (String order : orders) {
            while (!settled(order) && Instant.now().isBefore(until)) {
                Thread.sleep(500);
            }
        }
    }

    private boolean settled(String order) throws IOException, InterruptedException {
        return api.settled(order);
    }

    private boolean report() throws IOException, InterruptedException {
        int confirmed = 0;
        int kept = 0;
        List<String> notFinal = new ArrayList<>();
        List<String> cancelledKeepingMoney = new ArrayList<>();
        for (Map.Entry<String, String> entry : scenarioOf.entrySet()) {
            String order = entry.getKey();
            JsonNode view = api.order(order);
            System.out.println();
            System.out.println("Order " + order + " — " + entry.getValue());
            List<String[]> lines = new ArrayList<>();
            for (JsonNode event : api.history(order)) {
                lines.add(new String[]{event.get("at").asText(), "order   " + describe(event)});
            }
            int charges = 0;
            int refunds = 0;
            for (JsonNode ledger : api.ledger(order)) {
                boolean approved = "APPROVED".equals(ledger.path("outcome").asText());
                String kind = ledger.path("kind").asText();
                lines.add(new String[]{ledger.get("recordedAt").asText(), "gateway " + kind.toLowerCase() + " "
                        + ledger.path("amount").path("amount").asText() + " " + ledger.path("amount").path("currency").asText()
                        + " " + ledger.path("outcome").asText().toLowerCase()});
                if (approved && kind.equals("CHARGE")) {
                    charges++;
                } else if (approved && kind.equals("REFUND")) {
                    refunds++;
                }
            }
            lines.sort(Comparator.comparing(line -> Instant.parse(line[0])));
            Instant placed = Instant.parse(lines.get(0)[0]);
            for (String[] line : lines) {
                System.out.printf("  +%6.2fs  %s%n", Duration.between(placed, Instant.parse(line[0])).toMillis() / 1000.0, line[1]);
            }
            String status = view.path("status").asText();
            int keeps = charges - refunds;
            System.out.println("  => " + status + (view.path("cancellationReason").isNull() ? "" : " (" + view.path("cancellationReason").asText() + ")")
                    + ", money kept: " + keeps + " charge(s)");
            if ("CONFIRMED".equals(status)) {
                confirmed++;
            }
            kept += keeps;
            if ("PENDING".equals(status)) {
                notFinal.add(order);
            }
            if ("CANCELLED".equals(status) && keeps != 0) {
                cancelledKeepingMoney.add(order);
            }
        }
        System.out.println();
        System.out.println("Summary: " + scenarioOf.size() + " orders, " + confirmed + " confirmed, charges kept " + kept);
        boolean allFinal = check("every order is CONFIRMED or CANCELLED", notFinal);
        boolean chargesMatch = check("charges kept = confirmed orders (" + kept + " = " + confirmed + ")",
                kept == confirmed ? List.of() : List.of("see the orders above"));
        boolean noneKept = check("no cancelled order keeps money", cancelledKeepingMoney);
        return allFinal && chargesMatch && noneKept;
    }

    /** Prints whether {@code promise} held, and the orders that broke it. */
    private static boolean check(String promise, List<String> breakers) {
        System.out.println("  [" + (breakers.isEmpty() ? "ok" : "BROKEN") + "] " + promise);
        breakers.forEach(order -> System.out.println("      " + order));
        return breakers.isEmpty();
    }

    private static String describe(JsonNode event) {
        JsonNode details = event.path("details");
        return switch (event.path("event").asText()) {
            case "OrderPlaced" -> "placed, total " + details.path("total").path("amount").asText() + " " + details.path("total").path("currency").asText();
            case "PaymentRequested" -> "payment attempt " + details.path("attempt").asInt() + " requested (deadline " + details.path("payBefore").asText() + ")";
            case "OrderPaymentFailed" -> "attempt " + details.path("attempt").asInt() + " failed: " + details.path("reason").asText()
                    + (details.path("retryable").asBoolean() ? " (retryable)" : " (final)");
            case "OrderPaid" -> "attempt " + details.path("attempt").asInt() + " paid";
            case "OrderConfirmed" -> "CONFIRMED";
            case "OrderCancelled" -> "CANCELLED: " + details.path("reason").asText();
            case "RefundRequested" -> "refund requested for a payment the order does not keep";
            case "OrderRefunded" -> "refunded " + details.path("amount").path("amount").asText();
            default -> event.path("event").asText();
        };
    }

    private Duration deadlineOf(String order) throws IOException, InterruptedException {
        JsonNode history = api.history(order);
        Instant placed = Instant.parse(history.get(0).get("at").asText());
        for (JsonNode event : history) {
            if ("PaymentRequested".equals(event.path("event").asText())) {
                return Duration.between(placed, Instant.parse(event.path("details").path("payBefore").asText()));
            }
        }
        return Duration.ofDays(1);
    }

    private JsonNode awaitOrder(String order, Predicate<JsonNode> condition, Duration within) throws Exception {
        Instant until = Instant.now().plus(within);
        JsonNode view = api.order(order);
        while (!condition.test(view)) {
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException("order " + order + " did not get there within " + within + ": " + view);
            }
            Thread.sleep(200);
            view = api.order(order);
        }
        return view;
    }
}
