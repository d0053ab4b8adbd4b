package io.orderpayment.e2e;

import io.orderpayment.testsupport.RabbitProbe;
import io.orderpayment.testsupport.ServiceProcess;
import io.orderpayment.testsupport.TestInfrastructure;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The order service and the payment service as two processes, wired to each other through this
 * test's own exchanges, queues, schemas and Redis keys, so that test classes and a running
 * bin/start do not see each other's messages.
 */
final class TwoServices implements AutoCloseable {

    static final String ADMIN_PASSWORD = "e2e-secret";

    private final String name;
    private final TestInfrastructure orders;
    private final TestInfrastructure payments;
    private final ServiceProcess orderService;
    private final ServiceProcess paymentService;
    private final SystemHttp http;

    private TwoServices(String name, Map<String, Object> sagaSettings, Map<String, Object> paymentSettings) {
        this.name = name;
        orders = new TestInfrastructure(name + "_orders");
        payments = new TestInfrastructure(name + "_payments");
        orders.reset();
        payments.reset();
        RabbitProbe.deleteQueues(requestQueue(), requestQueue() + ".dead-letter", refundQueue(), refundQueue() + ".dead-letter");

        Map<String, Object> paymentProperties = new HashMap<>(payments.properties());
        paymentProperties.put("app.payment.orders-exchange", orders.exchange());
        paymentProperties.put("app.payment.request-queue", requestQueue());
        paymentProperties.put("app.payment.refund-queue", refundQueue());
        paymentProperties.put("app.payment.redelivery-pause", "500ms");
        paymentProperties.put("app.admin.password", ADMIN_PASSWORD);
        paymentProperties.putAll(paymentSettings);

        paymentService = new ServiceProcess(name + "-payment-service", jar("e2e.payment-service.jar"), paymentProperties,
                "/actuator/health");

        Map<String, Object> orderProperties = new HashMap<>(orders.properties());
        orderProperties.put("app.payment-events.exchange", payments.exchange());
        orderProperties.put("app.admin.password", ADMIN_PASSWORD);
        orderProperties.put("app.payment-service.url", "http://localhost:" + paymentService.port());
        orderProperties.putAll(sagaSettings);
        orderService = new ServiceProcess(name + "-order-service", jar("e2e.order-service.jar"), orderProperties,
                "/actuator/health");
        http = new SystemHttp(orderService.port(), paymentService.port(), ADMIN_PASSWORD);
    }

    /** Both services started, the payment service first so its queues exist when the first order is placed. */
    static TwoServices start(String name, Map<String, Object> sagaSettings, Map<String, Object> paymentSettings) {
        TwoServices services = new TwoServices(name, sagaSettings, paymentSettings);
        services.paymentService.start();
        services.orderService.start();
        return services;
    }

    /** Where the build put a service's runnable jar (the pom passes it as a system property). */
    private static Path jar(String property) {
        return Path.of(System.getProperty(property, "missing system property " + property));
    }

    SystemHttp http() {
        return http;
    }

    ServiceProcess orderService() {
        return orderService;
    }

    ServiceProcess paymentService() {
        return paymentService;
    }

    /** Payment requests the broker dead-lettered (expired, or rejected too often) and nobody has answered yet. */
    long deadLetteredPaymentRequests() {
        return RabbitProbe.readyMessages(requestQueue() + ".dead-letter");
    }

    /** Payment requests waiting for the payment service. */
    long waitingPaymentRequests() {
        return RabbitProbe.readyMessages(requestQueue());
    }

    private String requestQueue() {
        return "it." + name + ".payment-requests";
    }

    private String refundQueue() {
        return "it." + name + ".refund-requests";
    }

    @Override
    public void close() {
        orderService.stop();
        paymentService.stop();
    }
}
