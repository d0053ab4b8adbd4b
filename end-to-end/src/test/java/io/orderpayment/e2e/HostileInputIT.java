package io.orderpayment.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderpayment.testsupport.RawHttp;
import io.orderpayment.testsupport.TestInfrastructure;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both services, as their packaged jars, against requests generated to hurt: numbers with enormous
 * exponents, strings of any character, wrong types, too many items, bodies that are not JSON, paths
 * with encoded slashes and NUL bytes, absurd paging, hostile headers. Whatever comes in, no answer
 * is a 5xx, every 4xx is application/problem+json with its status, and a refused order writes nothing.
 */
class HostileInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + TwoServices.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    private static TwoServices services;
    private static TestInfrastructure orders;
    private static TestInfrastructure payments;

    @BeforeContainer
    static void start() {
        services = TwoServices.start("e2e_hostile", Map.of(), Map.of());
        orders = new TestInfrastructure("e2e_hostile_orders");
        payments = new TestInfrastructure("e2e_hostile_payments");
    }

    @AfterContainer
    static void stop() {
        services.close();
    }

    @Property(tries = 400)
    void noOrderBodyGetsA5xxAndARefusedOneWritesNothing(@ForAll("orderBodies") String body,
                                                        @ForAll("idempotencyKeys") String key) {
        long views = count(orders, "order_view");
        long keys = count(orders, "idempotency_key");
        Map<String, String> headers = key.isEmpty() ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "Idempotency-Key", key);

        RawHttp.Response response = RawHttp.exchange(orderPort(), "POST", "/orders", headers,
                body.getBytes(StandardCharsets.UTF_8));

        assertAnsweredAsAProblemIfRefused(response, "POST /orders " + abbreviated(body));
        if (response.status() != 202) {
            assertThat(count(orders, "order_view")).as("orders after a refused " + abbreviated(body)).isEqualTo(views);
            assertThat(count(orders, "idempotency_key")).as("keys after a refused " + abbreviated(body)).isEqualTo(keys);
        }
    }

    @Property(tries = 400)
    void noPathQueryOrMethodGetsA5xx(@ForAll("methods") String method, @ForAll("targets") String target,
                                     @ForAll boolean onOrderService, @ForAll boolean asAdmin) {
        int port = onOrderService ? orderPort() : paymentPort();
        Map<String, String> headers = asAdmin ? Map.of("Authorization", ADMIN) : Map.of();
        byte[] body = method.equals("POST") || method.equals("PUT") ? "{}".getBytes(StandardCharsets.UTF_8) : null;

        RawHttp.Response response = RawHttp.exchange(port, method, target, headers, body);

        assertAnsweredAsAProblemIfRefused(response, method + " " + target);
    }

    @Property(tries = 200)
    void noHeaderGetsA5xx(@ForAll("headerValues") String contentType, @ForAll("headerValues") String accept,
                          @ForAll("headerValues") String authorization) {
        long views = count(orders, "order_view");
        String body = """
                {"customerId": "c-headers", "paymentMethodId": "pm-1", "currency": "EUR",
                 "items": [{"productId": "book", "quantity": 1, "unitPrice": 1}]}""";

        RawHttp.Response response = RawHttp.exchange(orderPort(), "POST", "/orders",
                Map.of("Content-Type", contentType, "Accept", accept, "Authorization", authorization),
                body.getBytes(StandardCharsets.UTF_8));

        assertAnsweredAsAProblemIfRefused(response, "POST /orders with Content-Type " + contentType + ", Accept " + accept);
        if (response.status() != 202) {
            assertThat(count(orders, "order_view")).isEqualTo(views);
        }
    }

    @Property(tries = 300)
    void noPaymentServiceBodyGetsA5xxAndARefusedOneWritesNothing(@ForAll("paymentMethodBodies") String body,
                                                                 @ForAll("gatewayBodies") String gateway) {
        long methods = count(payments, "payment_method");

        RawHttp.Response registered = RawHttp.exchange(paymentPort(), "POST", "/payment-methods",
                Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
        RawHttp.Response settings = RawHttp.exchange(paymentPort(), "PUT", "/admin/gateway",
                Map.of("Content-Type", "application/json", "Authorization", ADMIN), gateway.getBytes(StandardCharsets.UTF_8));

        assertAnsweredAsAProblemIfRefused(registered, "POST /payment-methods " + abbreviated(body));
        if (registered.status() != 201) {
            assertThat(count(payments, "payment_method")).isEqualTo(methods);
        }
        assertAnsweredAsAProblemIfRefused(settings, "PUT /admin/gateway " + abbreviated(gateway));
    }

    private static void assertAnsweredAsAProblemIfRefused(RawHttp.Response response, String request) {
        assertThat(response.status()).as(request + " answered " + response).isLessThan(500);
        if (response.status() >= 400) {
            assertThat(response.contentType()).as(request + " answered " + response).startsWith("application/problem+json");
            assertThat(response.json().get("status").asInt()).as(request + " answered " + response).isEqualTo(response.status());
        }
    }

    // Generators

    @Provide
    Arbitrary<String> orderBodies() {
        Arbitrary<String> item = Combinators.combine(field("productId", text()), field("quantity", number()),
                        field("unitPrice", number()), extraField())
                .as((productId, quantity, unitPrice, extra) -> "{" + join(productId, quantity, unitPrice, extra) + "}");
        Arbitrary<String> few = item.list().ofMinSize(0).ofMaxSize(5).map(list -> "[" + String.join(",", list) + "]");
        Arbitrary<String> many = item.list().ofMinSize(95).ofMaxSize(110).map(list -> "[" + String.join(",", list) + "]");
        Arbitrary<String> items = Arbitraries.frequencyOf(Tuple.of(8, few), Tuple.of(1, many), Tuple.of(1, anyValue()));
        Arbitrary<String> order = Combinators.combine(field("customerId", text()), field("paymentMethodId", text()),
                        field("currency", Arbitraries.oneOf(Arbitraries.of("\"EUR\"", "\"JPY\"", "\"XXX\"", "\"eur\"", "\"\""), anyValue())),
                        items.map(list -> "\"items\": " + list), extraField())
                .as((customer, method, currency, list, extra) -> "{" + join(customer, method, currency, list, extra) + "}");
        Arbitrary<String> notAnOrder = Arbitraries.oneOf(anyValue(), Arbitraries.strings().ofMaxLength(200),
                Arbitraries.of("", "{", "[]", "{\"items\": [", "\u0000", "{\"customerId\": \"c\"}" + "}".repeat(3)));
        return Arbitraries.frequencyOf(Tuple.of(9, order), Tuple.of(1, notAnOrder));
    }

    @Provide
    Arbitrary<String> idempotencyKeys() {
        return Arbitraries.oneOf(Arbitraries.of("", "k", "x".repeat(300), "\u00e9t\u00e9", "key with spaces"),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(80));
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "G3T");
    }

    @Provide
    Arbitrary<String> targets() {
        Arbitrary<String> prefix = Arbitraries.of("", "/orders", "/orders/", "/admin/orders/", "/admin/processors",
                "/admin/dead-letters/", "/admin/gateway", "/admin/gateway/ledger", "/payments", "/payment-methods/",
                "/actuator/", "/actuator/metrics/", "/v3/api-docs", "/swagger-ui/", "/error", "/static/");
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.of("%00", "%2F", "%2f", "%5C", "..", "%2e%2e", "../../etc/passwd", ";jsessionid=1", "%25",
                        "%ZZ", "%", "%C0%AF", "%E2%80%AE", "%0d%0a", "a b", "x".repeat(6000), "cancel", "history", "health"),
                Arbitraries.strings().withCharRange('!', '~').ofMaxLength(40),
                Arbitraries.strings().ofMaxLength(20).map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8)));
        Arbitrary<String> query = Arbitraries.oneOf(Arbitraries.just(""),
                Combinators.combine(queryValue(), queryValue(), queryValue())
                        .as((customer, page, size) -> "?customerId=" + customer + "&page=" + page + "&size=" + size),
                queryValue().map(orderId -> "?orderId=" + orderId));
        return Combinators.combine(prefix, segment, Arbitraries.of("", "/cancel", "/history", "/redrive"), query)
                .as((p, s, suffix, q) -> p + s + suffix + q)
                .filter(target -> target.startsWith("/"))
                .injectDuplicates(0.0);
    }

    @Provide
    Arbitrary<String> headerValues() {
        return Arbitraries.oneOf(
                Arbitraries.of("application/json", "text/plain", "application/xml", "text/html", "*/*", "",
                        "application/json; charset=utf-32", "application/json; charset=nonsense", "multipart/form-data",
                        "application/x-www-form-urlencoded", "image/png;;;", "Basic", "Basic !!!", "Bearer x",
                        "Basic " + Base64.getEncoder().encodeToString("admin:wrong".getBytes(StandardCharsets.UTF_8)),
                        "x".repeat(4000)),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60));
    }

    @Provide
    Arbitrary<String> paymentMethodBodies() {
        Arbitrary<String> body = Combinators.combine(field("customerId", text()),
                        field("token", Arbitraries.oneOf(Arbitraries.of("\"tok_ok\"", "\"tok_\"", "\"tok_insufficient_funds\""), text())),
                        extraField())
                .as((customer, token, extra) -> "{" + join(customer, token, extra) + "}");
        return Arbitraries.frequencyOf(Tuple.of(9, body), Tuple.of(1, anyValue()));
    }

    @Provide
    Arbitrary<String> gatewayBodies() {
        // An outage or a long latency switched on here would be harmless, but it is never what a property needs.
        Arbitrary<String> latency = Arbitraries.oneOf(
                Arbitraries.of("\"1e999999999s\"", "\"-5s\"", "\"99999999999999999999d\"", "\"PT-1S\"", "\"P999999999D\"",
                        "\"61s\"", "\"0ms\"", "\"ms\"", "\"5 s\"", "\"\"", "\"PT1000000000000H\"", "1e999999999", "[]", "{}"),
                text());
        Arbitrary<String> outage = Arbitraries.oneOf(Arbitraries.of("false", "\"false\"", "0", "null", "\"yes\""), anyValue());
        return Combinators.combine(field("outage", outage), field("latency", latency), extraField())
                .as((o, l, extra) -> "{" + join(o, l, extra) + "}");
    }

    /** Numbers a JSON parser takes but arithmetic, columns and plain printing may not. */
    private static Arbitrary<String> number() {
        return Arbitraries.oneOf(
                Arbitraries.of("1e999999999", "-1e999999999", "1e-999999999", "0e-999999999", "1E309", "-0", "0", "1", "-1",
                        "12.50", "12.505", "1000000", "1000000.01", "999999.99", "10000", "10001", "2147483647",
                        "2147483648", "-2147483649", "9223372036854775808", "1.5", "0.0000000000000000000001",
                        "9".repeat(400), "-" + "9".repeat(400), "1" + "0".repeat(999)),
                Arbitraries.bigDecimals().map(java.math.BigDecimal::toString),
                Arbitraries.integers().map(String::valueOf),
                anyValue());
    }

    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(HostileInputIT::quoted),
                Arbitraries.strings().ofMinLength(250).ofMaxLength(300).map(HostileInputIT::quoted),
                Arbitraries.of("\"\"", "\" \"", "\"\\u0000\"", "\"a\\nb\"", "\"\\ud800\"", "\"tok_ok\"", "\"c-1\"",
                        quoted("x".repeat(70_000))),
                anyValue());
    }

    private static Arbitrary<String> anyValue() {
        return Arbitraries.of("null", "true", "false", "{}", "[]", "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]",
                "{\"a\": {\"b\": [1, 2, {}]}}", "\"\"", "1", "-1", "1e999999999", "\"1e999999999\"");
    }

    private static Arbitrary<String> queryValue() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "0", "-1", "2147483647", "2147483648", "99999999999999999999", "1e9", "abc", "%00",
                        "%2F", "%", "%ZZ", "1.5", "x".repeat(3000)),
                Arbitraries.strings().ofMaxLength(30).map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8)));
    }

    /** A field, left out now and then. */
    private static Arbitrary<String> field(String name, Arbitrary<String> value) {
        Arbitrary<String> present = value.map(v -> quoted(name) + ": " + v);
        return Arbitraries.frequencyOf(Tuple.of(9, present), Tuple.of(1, Arbitraries.just("")));
    }

    private static Arbitrary<String> extraField() {
        Arbitrary<String> extra = Combinators.combine(text(), anyValue()).as((name, value) -> name + ": " + value);
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just("")), Tuple.of(1, extra));
    }

    private static String join(String... fields) {
        return java.util.Arrays.stream(fields).filter(field -> !field.isEmpty()).collect(Collectors.joining(", "));
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "... (" + text.length() + " characters)" : text;
    }

    private static long count(TestInfrastructure infrastructure, String table) {
        return infrastructure.postgres().queryForObject("select count(*) from " + infrastructure.schema() + "." + table, Long.class);
    }

    private static int orderPort() {
        return services.orderService().port();
    }

    private static int paymentPort() {
        return services.paymentService().port();
    }
}
