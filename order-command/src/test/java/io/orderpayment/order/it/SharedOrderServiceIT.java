package io.orderpayment.order.it;

import io.orderpayment.order.OrderServiceApplication;
import io.orderpayment.outbox.testsupport.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One order service shared by the integration tests that need no broker tricks, on the real
 * {@code orders.events} exchange; Spring's context cache starts it once for all of them.
 */
@SpringBootTest(classes = OrderServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SharedOrderServiceIT {

    static final TestInfrastructure INFRASTRUCTURE = new TestInfrastructure("shared").reset();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        INFRASTRUCTURE.properties().forEach((key, value) -> {
            if (!key.equals("app.outbox.exchange") && !key.equals("server.port")) {
                registry.add(key, () -> value);
            }
        });
    }

    OrderHttp http() {
        return new OrderHttp(port);
    }
}
