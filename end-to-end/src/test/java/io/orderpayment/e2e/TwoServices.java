package io.orderpayment.e2e;

import io.orderpayment.testsupport.RabbitProbe;
import io.orderpayment.testsupport.ServiceProcess;
import io.orderpayment.testsupport.TestInfrastructure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order service and the payment service as processes (one or more instances of each, sharing
 * the database, the broker and Redis), wired to each other through this test's own exchanges,
 * queues, schemas and Redis keys, so that test classes and a running bin/start do not see each
 * other's messages.
 */
final class TwoServices implements AutoCloseable {

    static final String ADMIN_PASSWORD = "e2e-secret";

    private final String name;
    private final TestInfrastructure orders;
    private final TestInfrastructure payments;
    private final List<ServiceProcess> orderServices = new ArrayList<>();
    private final List<ServiceProcess> paymentServices = new ArrayList<>();
    private final List<SystemHttp> https = new ArrayList<>();

    private TwoServices(String name, Map<String, Object> sagaSettings, Map<String, Object> paymentSettings, int instances) {
        this.name = name;
        orders = new TestInfrastructure(name + "_orders");
        payments = new TestInfrastructure(name + "_payments");
        orders.reset();
        payments.reset();
        deletePaymentServiceQueues();

        Map<String, Object> paymentProperties = new HashMap<>(payments.properties());
        paymentProperties.put("app.payment.orders-exchange", orders.exchange());
        // The two services must agree on the queues: both are the order side's.
        paymentProperties.put("app.queues.payment-requests", orders.paymentRequestQueue());
        paymentProperties.put("app.queues.refund-requests", orders.refundRequestQueue());
        paymentProperties.put("app.queues.payment-events", orders.paymentEventsQueue());
        paymentProperties.put("app.payment.redelivery-pause", "500ms");
        paymentProperties.put("app.admin.password", ADMIN_PASSWORD);
        paymentProperties.putAll(paymentSettings);

        for (int i = 0; i < instances; i++) {
            String suffix = i == 0 ? "" : "-" + (i + 1);
            ServiceProcess paymentService = new ServiceProcess(name + "-payment-service" + suffix,
                    jar("e2e.payment-service.jar"), paymentProperties, "/actuator/health");

            Map<String, Object> orderProperties = new HashMap<>(orders.properties());
            orderProperties.put("app.payment-events.exchange", payments.exchange());
            orderProperties.put("app.admin.password", ADMIN_PASSWORD);
            orderProperties.put("app.payment-service.url", "http://localhost:" + paymentService.port());
            orderProperties.putAll(sagaSettings);
            // Each service declares the other's queues when they are missing, so both get the same queue settings.
            paymentSettings.forEach((key, value) -> {
                if (key.startsWith("app.queues.")) {
                    orderProperties.put(key, value);
                }
            });
            ServiceProcess orderService = new ServiceProcess(name + "-order-service" + suffix,
                    jar("e2e.order-service.jar"), orderProperties, "/actuator/health");
            paymentServices.add(paymentService);
            orderServices.add(orderService);
            https.add(new SystemHttp(orderService.port(), paymentService.port(), ADMIN_PASSWORD));
        }
    }

    /** Both services, started side by side. */
    static TwoServices start(String name, Map<String, Object> sagaSettings, Map<String, Object> paymentSettings) {
        return start(name, sagaSettings, paymentSettings, 1);
    }

    /** Both services, neither started yet. */
    static TwoServices prepare(String name, Map<String, Object> sagaSettings, Map<String, Object> paymentSettings) {
        return new TwoServices(name, sagaSettings, paymentSettings, 1);
    }

    /** {@code instances} of each service, all started side by side. */
    static TwoServices start(String name, Map<String, Object> sagaSettings, Map<String, Object> paymentSettings,
                             int instances) {
        TwoServices services = new TwoServices(name, sagaSettings, paymentSettings, instances);
        List<ServiceProcess> all = new ArrayList<>(services.paymentServices);
        all.addAll(services.orderServices);
        ServiceProcess.startTogether(all);
        return services;
    }

    /** Where the build put a service's runnable jar (the pom passes it as a system property). */
    private static Path jar(String property) {
        return Path.of(System.getProperty(property, "missing system property " + property));
    }

    SystemHttp http() {
        return https.get(0);
    }

    /** The HTTP APIs of the {@code instance}-th order service and payment service (from 0). */
    SystemHttp http(int instance) {
        return https.get(instance);
    }

    ServiceProcess orderService() {
        return orderServices.get(0);
    }

    ServiceProcess orderService(int instance) {
        return orderServices.get(instance);
    }

    ServiceProcess paymentService() {
        return paymentServices.get(0);
    }

    ServiceProcess paymentService(int instance) {
        return paymentServices.get(instance);
    }

    /** The {@code instance}-th order service's log. */
    Path orderServiceLog(int instance) {
        return Path.of("target", name + "-order-service" + (instance == 0 ? "" : "-" + (instance + 1)) + ".log");
    }

    /** The queues the payment service consumes, as on a broker it never ran against. */
    void deletePaymentServiceQueues() {
        RabbitProbe.deleteConsumedQueues(requestQueue(), refundQueue());
    }

    /** Payment requests the broker dead-lettered (expired, or rejected too often) and nobody has answered yet. */
    long deadLetteredPaymentRequests() {
        return RabbitProbe.readyMessages(requestQueue() + ".dead-letter");
    }

    /** Payment requests waiting for the payment service. */
    long waitingPaymentRequests() {
        return RabbitProbe.readyMessages(requestQueue());
    }

    /** The order service's queue of payment events; its dead letters wait in {@code <queue>.dead-letter}. */
    String paymentEventsQueue() {
        return orders.paymentEventsQueue();
    }

    private String requestQueue() {
        return orders.paymentRequestQueue();
    }

    private String refundQueue() {
        return orders.refundRequestQueue();
    }

    @Override
    public void close() {
        orderServices.forEach(ServiceProcess::stop);
        paymentServices.forEach(ServiceProcess::stop);
    }
}
