package io.orderpayment.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The chaos kit's audit catches each broken promise, so that a run that says "every promise held" means it. */
class ChaosAuditTest {

    private final ChaosAudit audit = new ChaosAudit();

    @Test
    void confirmedOrdersKeepingTheirTotalAndCancelledOnesKeepingNothingKeepThePromises() {
        audit.accepted("c1", "k1", "o1", view("CONFIRMED", null), json("[" + charge("o1", "25.00") + "]"));
        audit.accepted("c1", "k2", "o2", view("CANCELLED", "PAYMENT_DECLINED"),
                json("[" + charge("o2", "25.00") + "," + refund("o2", "25.00") + "]"));
        audit.listed("c1", "o1");
        audit.listed("c1", "o2");

        ChaosAudit.Result result = audit.result();
        assertThat(result.promisesKept()).isTrue();
        assertThat(result.confirmed()).isEqualTo(1);
        assertThat(result.cancelledByReason()).containsEntry("PAYMENT_DECLINED", 1);
    }

    @Test
    void anAcceptedOrderTheServiceDoesNotKnowIsLost() {
        audit.accepted("c1", "k1", "o1", null, json("[]"));
        assertThat(audit.result().lost()).containsExactly("o1");
        assertThat(audit.result().promisesKept()).isFalse();
    }

    @Test
    void aPendingOrderIsNotFinal() {
        audit.accepted("c1", "k1", "o1", view("PENDING", null), json("[]"));
        assertThat(audit.result().notFinal()).hasSize(1);
    }

    @Test
    void aConfirmedOrderChargedTwiceOrACancelledOneKeepingMoneyIsWrongMoney() {
        audit.accepted("c1", "k1", "o1", view("CONFIRMED", null),
                json("[" + charge("o1", "25.00") + "," + charge("o1", "25.00") + "]"));
        audit.accepted("c1", "k2", "o2", view("CANCELLED", "PAYMENT_TIMEOUT"), json("[" + charge("o2", "25.00") + "]"));
        assertThat(audit.result().wrongMoney()).hasSize(2);
    }

    @Test
    void anOrderNoAcceptedRequestHasIsADuplicate() {
        audit.accepted("c1", "k1", "o1", view("CONFIRMED", null), json("[" + charge("o1", "25.00") + "]"));
        audit.listed("c1", "o1");
        audit.listed("c1", "o9");
        assertThat(audit.result().duplicates()).hasSize(1);
    }

    @Test
    void anOrderPlacedByARequestLeftUnansweredIsNoDuplicateButMustEndRight() {
        audit.accepted("c1", "k1", "o1", view("CONFIRMED", null), json("[" + charge("o1", "25.00") + "]"));
        audit.listed("c1", "o1");
        audit.listed("c1", "o2");
        audit.unanswered("c1", 1);
        audit.unheard("o2", view("CONFIRMED", null), json("[]"));

        ChaosAudit.Result result = audit.result();
        assertThat(result.duplicates()).isEmpty();
        assertThat(result.acceptedUnheard()).hasSize(1);
        assertThat(result.wrongMoney()).as("o2 confirmed without a charge").hasSize(1);
    }

    @Test
    void chargesOfOrdersNoCustomerAcceptedAreToBeLookedUp() {
        audit.accepted("c1", "k1", "o1", view("CONFIRMED", null), json("[" + charge("o1", "25.00") + "]"));
        audit.ledgerEntry(json(charge("o1", "25.00")));
        audit.ledgerEntry(json(charge("elsewhere", "25.00")));
        assertThat(audit.chargedOrdersNotAccepted()).containsExactly("elsewhere");

        audit.chargeWithoutOrder("elsewhere");
        assertThat(audit.result().promisesKept()).isFalse();
    }

    private static JsonNode view(String status, String reason) {
        return json("""
                {"status":"%s","totalAmount":25.00,"cancellationReason":%s}"""
                .formatted(status, reason == null ? "null" : "\"" + reason + "\""));
    }

    private static String charge(String order, String amount) {
        return entry("CHARGE", order, amount);
    }

    private static String refund(String order, String amount) {
        return entry("REFUND", order, amount);
    }

    private static String entry(String kind, String order, String amount) {
        return """
                {"kind":"%s","outcome":"APPROVED","orderId":"%s","amount":{"amount":%s,"currency":"EUR"}}"""
                .formatted(kind, order, amount);
    }

    private static JsonNode json(String text) {
        try {
            return OrderPaymentApi.JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
