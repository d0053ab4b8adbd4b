package io.orderpayment.payment.it;

import io.orderpayment.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The payment service's HTTP API: every status code, problem+json for bad input, nothing written by it. */
class PaymentApiIT {

    private static final TestInfrastructure INFRASTRUCTURE = new TestInfrastructure("payment_api");
    private static PaymentServiceInstance service;
    private static PaymentHttp http;

    @BeforeAll
    static void start() {
        new OrderSide(INFRASTRUCTURE).reset();
        INFRASTRUCTURE.reset();
        service = PaymentServiceInstance.start(INFRASTRUCTURE, Map.of());
        http = service.http();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static int paymentMethods() {
        return INFRASTRUCTURE.database().queryForObject("select count(*) from payment_method", Integer.class);
    }

    @Test
    void aRegisteredPaymentMethodCanBeReadBackWithoutItsToken() {
        PaymentHttp.Response created = http.post("/payment-methods", "{\"customerId\":\"c-1\",\"token\":\"tok_ok\"}");

        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("paymentMethodId").asText();
        assertThat(created.location()).endsWith("/payment-methods/" + id);
        PaymentHttp.Response read = http.get("/payment-methods/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("customerId").asText()).isEqualTo("c-1");
        assertThat(read.body().has("token")).isFalse();
    }

    @Test
    void invalidPaymentMethodsAreRejectedFieldByFieldAndNotStored() {
        int before = paymentMethods();

        PaymentHttp.Response response = http.post("/payment-methods", "{\"customerId\":\" \",\"token\":\"4111111111111111\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("errors")).extracting(Object::toString).asString()
                .contains("customerId must not be blank", "token must be a gateway token like tok_ok");
        assertThat(paymentMethods()).isEqualTo(before);
    }

    @Test
    void controlCharactersInACustomerIdAreRejectedNotStored() {
        int before = paymentMethods();

        PaymentHttp.Response response = http.post("/payment-methods", "{\"customerId\":\"c\\u0000\",\"token\":\"tok_ok\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors").toString()).contains("customerId must not contain control characters");
        assertThat(paymentMethods()).isEqualTo(before);
    }

    @Test
    void malformedJsonIsAProblem() {
        PaymentHttp.Response response = http.post("/payment-methods", "{\"customerId\":");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("type").asText()).endsWith("/malformed-request");
    }

    @Test
    void anUnknownPaymentMethodIs404() {
        PaymentHttp.Response response = http.get("/payment-methods/pm_nope");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body().get("type").asText()).endsWith("/payment-method-not-found");
    }

    @Test
    void paymentsOfAnOrderWithoutAnyAreAnEmptyListAndTheOrderIdIsRequired() {
        assertThat(http.get("/payments?orderId=unknown").body()).isEmpty();
        PaymentHttp.Response missing = http.get("/payments");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    @Test
    void adminEndpointsNeedTheAdminPassword() {
        assertThat(http.anonymousAdmin("GET", "/admin/gateway", null).status()).isEqualTo(401);
        assertThat(http.anonymousAdmin("PUT", "/admin/gateway", "{\"outage\":true}").status()).isEqualTo(401);
        assertThat(http.anonymousAdmin("GET", "/admin/gateway/ledger?orderId=o-1", null).status()).isEqualTo(401);
        assertThat(http.admin("GET", "/admin/gateway", null).body().get("outage").asBoolean()).isFalse();
    }

    @Test
    void theLedgerIsReadByOrderOrSinceAMoment() {
        assertThat(http.admin("GET", "/admin/gateway/ledger?since=2026-01-01T00:00:00Z", null).status()).isEqualTo(200);
        for (String unreadable : List.of("/admin/gateway/ledger", "/admin/gateway/ledger?since=yesterday")) {
            PaymentHttp.Response response = http.admin("GET", unreadable, null);
            assertThat(response.status()).as(unreadable).isEqualTo(400);
            assertThat(response.contentType()).as(unreadable).startsWith("application/problem+json");
        }
    }

    @Test
    void theGatewaySettingsChangeAtRunTime() {
        PaymentHttp.Response changed = http.admin("PUT", "/admin/gateway", "{\"latency\":\"50ms\"}");
        try {
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.body().get("latency").asText()).isEqualTo("50ms");
            assertThat(changed.body().get("outage").asBoolean()).isFalse();
            assertThat(http.admin("GET", "/admin/gateway", null).body().get("latency").asText()).isEqualTo("50ms");
        } finally {
            http.admin("PUT", "/admin/gateway", "{\"latency\":\"0ms\"}");
        }
        PaymentHttp.Response invalid = http.admin("PUT", "/admin/gateway", "{\"latency\":\"soon\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("type").asText()).endsWith("/invalid-gateway-settings");
        PaymentHttp.Response absurd = http.admin("PUT", "/admin/gateway", "{\"latency\":\"10000000000000000s\", \"outage\":true}");
        assertThat(absurd.status()).isEqualTo(400);
        assertThat(absurd.body().get("detail").asText()).contains("between 0ms and 60s");
        assertThat(http.admin("GET", "/admin/gateway", null).body().get("outage").asBoolean())
                .as("a rejected change changes nothing").isFalse();
    }
}
