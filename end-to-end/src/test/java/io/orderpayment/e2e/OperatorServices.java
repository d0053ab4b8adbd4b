package io.orderpayment.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Map;

/**
 * The two services that the operator's views are tested on (the console, the dashboard's metrics),
 * started once for every test class that extends with this and stopped when the test run ends:
 * those classes only look at the services, and each start costs half a minute. A class that stops
 * a service starts it again before its next test.
 */
final class OperatorServices implements BeforeAllCallback {

    private static TwoServices services;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(OperatorServices.class, key -> {
            services = TwoServices.start("e2e_operator", Map.of("app.saga.retry-backoff", "1s"), Map.of());
            return (ExtensionContext.Store.CloseableResource) services::close;
        });
        if (!services.paymentService().running()) {
            services.paymentService().start();
        }
        services.http().gateway(false, "0ms");
    }

    static TwoServices services() {
        return services;
    }
}
