package io.orderpayment.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** Counts in the gateway's ledger of one order: what the customer was charged and given back. */
record Ledger(long charges, long refunds) {

    static Ledger of(SystemHttp http, String orderId) {
        List<JsonNode> entries = http.ledger(orderId);
        return new Ledger(approved(entries, "CHARGE"), approved(entries, "REFUND"));
    }

    /** Money taken and not given back. */
    long kept() {
        return charges - refunds;
    }

    private static long approved(List<JsonNode> entries, String kind) {
        return entries.stream()
                .filter(entry -> kind.equals(entry.get("kind").asText()) && "APPROVED".equals(entry.get("outcome").asText()))
                .count();
    }
}
