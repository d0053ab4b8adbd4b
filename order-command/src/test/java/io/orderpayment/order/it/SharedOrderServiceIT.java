package io.orderpayment.order.it;

import io.orderpayment.order.OrderServiceApplication;
import io.orderpayment.testsupport.TestInfrastructure;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One order service shared by the integration tests that need no broker tricks, on exchanges and
 * queues of its own (a running system's are left alone); Spring's context cache starts it once for
 * all of them.
 */
// Metrics export is off in Spring Boot tests unless asked for; the Prometheus scrape is part of what is tested.
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = OrderServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SharedOrderServiceIT {

    static final TestInfrastructure INFRASTRUCTURE = new TestInfrastructure("shared").reset();
    static final String ADMIN_PASSWORD = "it-admin-secret";
    /** Nothing listens there: the operator's order history must say the payment service is missing. */
    static final String NO_PAYMENT_SERVICE = "http://127.0.0.1:9";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        INFRASTRUCTURE.properties().forEach((key, value) -> {
            if (!key.equals("server.port")) {
                registry.add(key, () -> value);
            }
        });
        registry.add("app.admin.password", () -> ADMIN_PASSWORD);
        registry.add("app.payment-service.url", () -> NO_PAYMENT_SERVICE);
    }

    OrderHttp http() {
        return new OrderHttp(port);
    }
}
