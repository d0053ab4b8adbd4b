package io.orderpayment.e2e;

import io.orderpayment.api.PaymentIds;
import io.orderpayment.testsupport.RabbitProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator console in headless Chromium, on both packaged services: what an operator does when a
 * customer asks "where is my order?", and when orders stop moving. Screenshots of the pages land in
 * target/console-screenshots (docs/console.md shows them).
 */
@ExtendWith(OperatorServices.class)
class ConsoleIT {

    private static final Duration SETTLES = Duration.ofSeconds(90);

    private static TwoServices services;
    private static SystemHttp http;
    private static ConsoleBrowser browser;
    private String customer;
    private String paymentMethod;

    @BeforeAll
    static void startABrowser() {
        services = OperatorServices.services();
        http = services.http();
        browser = new ConsoleBrowser(services.orderService().port(), TwoServices.ADMIN_PASSWORD);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void bothRunningAndAFreshCustomer() {
        if (!services.paymentService().running()) {
            services.paymentService().start();
        }
        http.gateway(false, "0ms");
        customer = "customer-" + UUID.randomUUID();
        paymentMethod = http.registerPaymentMethod(customer, "tok_ok");
        browser.resize(ConsoleBrowser.DESKTOP);
    }

    @Test
    void withoutTheAdminCredentialsThereIsNoConsole() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : new String[]{"/console/", "/console/console.js", "/console"}) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + services.orderService().port() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(path).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Basic"));
        }
    }

    @Test
    void anOrderIsFoundByItsIdempotencyKeyWithItsTimelineFromBothServicesAndItsMoney() {
        String key = "console-" + UUID.randomUUID();
        String orderId = http.tryPlaceOrder(customer, paymentMethod, key).orElseThrow();
        assertThat(http.awaitFinal(orderId, SETTLES).get("status").asText()).isEqualTo("CONFIRMED");

        // By keyboard alone: type the key, Enter; then Enter on the order's link.
        browser.open("/orders");
        browser.find(By.id("q")).sendKeys(key, Keys.ENTER);
        browser.awaitText(orderId, "CONFIRMED", customer);
        browser.screenshot("orders");
        browser.press(By.linkText(orderId), Keys.ENTER, "Where it stands");

        String page = browser.awaitText("Where it stands", "CONFIRMED", "25.00 EUR",
                "order-service", "OrderPlaced", "PaymentRequested", "OrderConfirmed",
                "payment-service", "PaymentCompleted",
                "charge", "approved");
        assertThat(browser.location()).endsWith("#/orders/" + orderId);
        assertThat(page).doesNotContain("Incomplete").doesNotContain("Could not load");
        assertThat(browser.overflowsSideways()).as("sideways scrolling at 1280×800").isFalse();
        browser.screenshot("order");

        browser.resize(ConsoleBrowser.PHONE);
        browser.awaitText("OrderConfirmed", "charge");
        assertThat(browser.overflowsSideways()).as("sideways scrolling on a phone").isFalse();
        browser.screenshot("order-phone");
    }

    @Test
    void anOrderWaitingForAStoppedPaymentServiceIsListedAsStuckUntilItIsPaid() {
        services.paymentService().stop();
        String orderId = http.placeOrder(customer, paymentMethod);
        // Listed as soon as it is placed; its deadline is there once the saga has taken the order up.
        await().atMost(SETTLES).until(() -> http.order(orderId).path("paymentAttempts").asInt() == 1);

        browser.open("/orders?minutes=0");
        browser.awaitText("PENDING for more than 0 minutes", orderId);
        String nextDeadline = browser.find(By.xpath(
                "//tr[td/a[text()='" + orderId + "']]/td[@data-label='Next deadline']")).getText();
        assertThat(nextDeadline).as("the payment deadline the saga set").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
        browser.screenshot("stuck");

        // The page refreshes itself: no reload between the order stuck and the order gone.
        browser.script("window.notReloaded = true;");
        services.paymentService().start();
        assertThat(http.awaitFinal(orderId, SETTLES).get("status").asText()).isEqualTo("CONFIRMED");
        browser.awaitNoText(orderId);
        assertThat(browser.script("return window.notReloaded === true;")).isEqualTo(true);
    }

    @Test
    void aDeadLetterIsRedrivenFromTheConsoleOnceConfirmedAndLeavesTheList() {
        String orderId = http.placeOrder(customer, paymentMethod);
        assertThat(http.awaitFinal(orderId, SETTLES).get("status").asText()).isEqualTo("CONFIRMED");
        // As if dead-lettered in an earlier incident: a late failure report of the order's first attempt.
        String letter = UUID.randomUUID().toString();
        RabbitProbe.publish("", services.paymentEventsQueue() + ".dead-letter", "PaymentFailed", letter, """
                {"paymentId":"%s","orderId":"%s","attempt":1,"amount":{"amount":25.00,"currency":"EUR"},
                 "reason":"GATEWAY_ERROR","retryable":true}""".formatted(PaymentIds.of(orderId, 1), orderId));

        browser.open("/waiting");
        browser.awaitText("Order service", "Payment service", services.paymentEventsQueue(), letter, "PaymentFailed");
        browser.press(By.cssSelector("button[aria-label='Redrive " + letter + "']"), Keys.ENTER,
                "back to " + services.paymentEventsQueue() + "?");
        assertThat(browser.focused().getText()).as("the confirmation takes the focus").isEqualTo("Redrive");
        browser.screenshot("dead-letters");
        assertThat(browser.mainText()).as("nothing happens before the confirmation").contains(letter);

        browser.focused().sendKeys(Keys.ENTER);
        browser.awaitText("Redriven: " + letter);
        await().atMost(Duration.ofSeconds(30)).until(() -> !browser.mainText().contains("\n" + letter));
        assertThat(RabbitProbe.readyMessages(services.paymentEventsQueue() + ".dead-letter")).isZero();
    }

    @Test
    void theGatewayOutageSwitchIsFlippedFromTheConsole() {
        browser.open("/gateway");
        browser.awaitText("Working: charges and refunds go through");
        browser.find(By.id("outage")).sendKeys(Keys.SPACE);
        browser.find(By.id("latency")).sendKeys(Keys.ENTER);
        browser.awaitText("Start an outage of the gateway");
        browser.focused().sendKeys(Keys.ENTER);

        browser.awaitText("Outage: every charge and refund fails as unavailable");
        assertThat(http.gatewaySettings().get("outage").asBoolean()).isTrue();
        browser.screenshot("gateway");
        String orderId = http.placeOrder(customer, paymentMethod);
        await().atMost(SETTLES).until(() -> "GATEWAY_UNAVAILABLE".equals(http.order(orderId).path("lastPaymentFailure").asText()));

        browser.find(By.id("outage")).sendKeys(Keys.SPACE);
        browser.find(By.cssSelector("form.stacked button[type=submit]")).sendKeys(Keys.ENTER);
        browser.focused().sendKeys(Keys.ENTER);
        browser.awaitText("Working: charges and refunds go through");
        assertThat(http.gatewaySettings().get("outage").asBoolean()).isFalse();
        assertThat(http.awaitFinal(orderId, SETTLES).get("status").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    void theProcessorsOfBothServicesShowTheirSegmentsAndOwners() {
        http.awaitFinal(http.placeOrder(customer, paymentMethod), SETTLES);

        browser.open("/processors");
        String page = browser.awaitText("Order service", "Payment service", "outbox-forwarder", "OrderPaymentSagaProcessor",
                "Segments of outbox-forwarder", "Claimed by", "events forwarded");
        assertThat(page).doesNotContain("Could not load");
        browser.screenshot("processors");
    }

    @Test
    void everyPageFitsA1280ScreenAndAPhoneWithoutSidewaysScrolling() {
        Map<String, String> pages = Map.of("/orders?minutes=0", "Stuck orders", "/waiting", "Parked events",
                "/processors", "Segments of outbox-forwarder", "/gateway", "The simulated payment gateway");
        for (Dimension size : List.of(ConsoleBrowser.DESKTOP, ConsoleBrowser.PHONE)) {
            browser.resize(size);
            pages.forEach((route, text) -> {
                browser.open(route);
                browser.awaitText(text);
                assertThat(browser.overflowsSideways()).as("%s at %s", route, size).isFalse();
            });
        }
        browser.screenshot("processors-phone");
    }
}
