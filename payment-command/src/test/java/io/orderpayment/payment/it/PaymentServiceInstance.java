package io.orderpayment.payment.it;

import io.orderpayment.payment.PaymentServiceApplication;
import io.orderpayment.testsupport.TestInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.HashMap;
import java.util.Map;

/** One running payment service, started in this JVM, with injectable gateway faults. */
final class PaymentServiceInstance implements AutoCloseable {

    static final String ADMIN_PASSWORD = "it-admin-secret";

    private final ConfigurableApplicationContext context;
    private final PaymentHttp http;

    private PaymentServiceInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.http = new PaymentHttp(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")), ADMIN_PASSWORD);
    }

    static PaymentServiceInstance start(TestInfrastructure infrastructure, Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("app.payment.orders-exchange", OrderSide.ordersExchange(infrastructure));
        properties.put("app.admin.password", ADMIN_PASSWORD);
        properties.putAll(overrides);
        return new PaymentServiceInstance(new SpringApplicationBuilder(PaymentServiceApplication.class,
                GatewayFaults.class, MessageClaims.class).run(infrastructure.commandLine(properties)));
    }

    PaymentHttp http() {
        return http;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    @Override
    public void close() {
        context.close();
    }
}
