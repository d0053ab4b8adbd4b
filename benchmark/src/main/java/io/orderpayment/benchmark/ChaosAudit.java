package io.orderpayment.benchmark;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The promises a chaos run checks, from what the services say once it has settled: every accepted
 * order exists and is final; one order per Idempotency-Key; a CONFIRMED order keeps exactly its
 * total at the gateway, a CANCELLED one nothing; no charge for an order that does not exist.
 */
final class ChaosAudit {

    private final Map<String, Set<String>> acceptedByCustomer = new HashMap<>();
    private final Set<String> acceptedOrders = new HashSet<>();
    private final Map<String, Set<String>> keysByOrder = new HashMap<>();
    private final Set<String> listed = new LinkedHashSet<>();
    private final Set<String> charged = new LinkedHashSet<>();
    private final Map<String, Integer> cancelledByReason = new TreeMap<>();
    private final List<String> lost = new ArrayList<>();
    private final List<String> notFinal = new ArrayList<>();
    private final List<String> wrongMoney = new ArrayList<>();
    private final List<String> duplicates = new ArrayList<>();
    private final Map<String, List<String>> unclaimedByCustomer = new HashMap<>();
    private final Map<String, Long> unansweredByCustomer = new HashMap<>();
    private final List<String> acceptedUnheard = new ArrayList<>();
    private final List<String> chargesWithoutOrder = new ArrayList<>();
    private final List<String> rejected = new ArrayList<>();
    private int confirmed;

    /** An order the order service accepted (202) for this key; {@code view} null if it does not know it. */
    void accepted(String customer, String idempotencyKey, String orderId, JsonNode view, JsonNode ledger) {
        acceptedByCustomer.computeIfAbsent(customer, c -> new HashSet<>()).add(orderId);
        acceptedOrders.add(orderId);
        keysByOrder.computeIfAbsent(orderId, o -> new HashSet<>()).add(idempotencyKey);
        if (view == null) {
            lost.add(orderId);
            return;
        }
        check(orderId, view, ledger);
    }

    /** An order placed by a request the customer never heard the answer to: it must end right all the same. */
    void unheard(String orderId, JsonNode view, JsonNode ledger) {
        check(orderId, view, ledger);
    }

    private void check(String orderId, JsonNode view, JsonNode ledger) {
        String status = view.path("status").asText();
        BigDecimal kept = BigDecimal.ZERO;
        for (JsonNode entry : ledger) {
            if ("APPROVED".equals(entry.path("outcome").asText())) {
                BigDecimal amount = entry.path("amount").path("amount").decimalValue();
                kept = "REFUND".equals(entry.path("kind").asText()) ? kept.subtract(amount) : kept.add(amount);
            }
        }
        switch (status) {
            case "CONFIRMED" -> {
                confirmed++;
                if (kept.compareTo(view.path("totalAmount").decimalValue()) != 0) {
                    wrongMoney.add(orderId + " CONFIRMED, total " + view.path("totalAmount").asText() + ", kept " + kept);
                }
            }
            case "CANCELLED" -> {
                cancelledByReason.merge(view.path("cancellationReason").asText(), 1, Integer::sum);
                if (kept.signum() != 0) {
                    wrongMoney.add(orderId + " CANCELLED, kept " + kept);
                }
            }
            default -> notFinal.add(orderId + " " + status);
        }
    }

    /** Orders listed for the run's customers that no accepted request returned. */
    Set<String> unclaimed() {
        Set<String> orders = new LinkedHashSet<>();
        unclaimedByCustomer.values().forEach(orders::addAll);
        return orders;
    }

    /** An order the order service lists for one of the run's customers. */
    void listed(String customer, String orderId) {
        listed.add(orderId);
        if (!acceptedByCustomer.getOrDefault(customer, Set.of()).contains(orderId)) {
            unclaimedByCustomer.computeIfAbsent(customer, c -> new ArrayList<>()).add(orderId);
        }
    }

    /**
     * Requests of the customer that were never answered: each may have placed an order the customer
     * never heard of, which is no duplicate. Orders beyond that number are.
     */
    void unanswered(String customer, long requests) {
        unansweredByCustomer.put(customer, requests);
    }

    /** An entry of the gateway's ledger recorded during the run. */
    void ledgerEntry(JsonNode entry) {
        if ("CHARGE".equals(entry.path("kind").asText()) && "APPROVED".equals(entry.path("outcome").asText())) {
            charged.add(entry.path("orderId").asText());
        }
    }

    /** Orders charged during the run that no customer of the run had accepted: to be looked up. */
    Set<String> chargedOrdersNotAccepted() {
        Set<String> unknown = new LinkedHashSet<>(charged);
        unknown.removeAll(acceptedOrders);
        unknown.removeAll(listed);
        return unknown;
    }

    void chargeWithoutOrder(String orderId) {
        chargesWithoutOrder.add(orderId);
    }

    /** A request for a valid order answered with an error that is not "try again". */
    void rejected(String answer) {
        rejected.add(answer);
    }

    Result result() {
        unclaimedByCustomer.forEach((customer, orders) -> {
            long explained = Math.min(orders.size(), unansweredByCustomer.getOrDefault(customer, 0L));
            orders.subList(0, (int) explained).forEach(order -> acceptedUnheard.add(order + " of " + customer));
            orders.subList((int) explained, orders.size()).forEach(order ->
                    duplicates.add(order + " of " + customer + ": placed, but no request of it was accepted or left unanswered"));
        });
        keysByOrder.forEach((order, keys) -> {
            if (keys.size() > 1) {
                duplicates.add(order + ": accepted under " + keys.size() + " Idempotency-Keys");
            }
        });
        return new Result(acceptedOrders.size(), confirmed, Map.copyOf(cancelledByReason), List.copyOf(lost),
                List.copyOf(notFinal), List.copyOf(wrongMoney), List.copyOf(duplicates), List.copyOf(chargesWithoutOrder),
                List.copyOf(rejected), List.copyOf(acceptedUnheard));
    }

    record Result(int accepted, int confirmed, Map<String, Integer> cancelledByReason, List<String> lost,
                  List<String> notFinal, List<String> wrongMoney, List<String> duplicates,
                  List<String> chargesWithoutOrder, List<String> rejected, List<String> acceptedUnheard) {

        boolean promisesKept() {
            return lost.isEmpty() && notFinal.isEmpty() && wrongMoney.isEmpty() && duplicates.isEmpty()
                    && chargesWithoutOrder.isEmpty() && rejected.isEmpty();
        }

        void print(Duration settled, long givenUp, long retries) {
            int cancelled = cancelledByReason.values().stream().mapToInt(Integer::intValue).sum();
            System.out.println();
            System.out.println("Summary:");
            row("accepted", accepted, "");
            row("confirmed", confirmed, "");
            row("cancelled", cancelled, cancelledByReason.isEmpty() ? "" : cancelledByReason.toString());
            row("lost", lost.size(), String.join(", ", lost));
            row("not final", notFinal.size(), String.join(", ", notFinal));
            row("wrong money", wrongMoney.size(), String.join("; ", wrongMoney));
            row("duplicates", duplicates.size(), String.join("; ", duplicates));
            row("charges without order", chargesWithoutOrder.size(), String.join(", ", chargesWithoutOrder));
            row("rejected requests", rejected.size(), rejected.isEmpty() ? "" : rejected.get(0));
            row("retries (same key)", retries, givenUp == 0 ? "" : givenUp + " requests never answered");
            row("accepted, unheard", acceptedUnheard.size(), "orders placed by requests never answered (not a broken promise)");
            System.out.printf("  %-24s %8.1f s%n", "time to settle", settled.toMillis() / 1000.0);
            System.out.println(promisesKept() ? "Every promise held." : "A PROMISE BROKE (see above).");
        }

        private static void row(String what, long count, String details) {
            System.out.printf("  %-24s %8d  %s%n", what, count, details);
        }
    }
}
