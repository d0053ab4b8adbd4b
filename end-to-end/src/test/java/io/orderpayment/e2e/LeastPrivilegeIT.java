package io.orderpayment.e2e;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.orderpayment.testsupport.ServiceProcess;
import io.orderpayment.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The broker users docker compose gives the services, made by compose's own script
 * (docker/rabbitmq/create-users.sh) in a virtual host of this test's, against the local RabbitMQ's
 * management API: both services work with nothing more, and neither can publish the other's events.
 */
class LeastPrivilegeIT {

    private static final String VHOST = "it-least-privilege";
    private static final String SCRIPT_ADMIN = "it-least-privilege-admin";
    private static final String PASSWORD = "it-secret";
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ServiceProcess paymentService;
    private static ServiceProcess orderService;
    private static SystemHttp http;

    @BeforeAll
    static void servicesAsTheirOwnBrokerUsers() throws Exception {
        management("DELETE", "vhosts/" + VHOST, null);
        management("PUT", "vhosts/" + VHOST, "{}");
        // The script refuses RabbitMQ's well-known guest password, as compose must: an admin of its own.
        management("PUT", "users/" + SCRIPT_ADMIN, "{\"password\":\"" + PASSWORD + "\",\"tags\":\"administrator\"}");
        management("PUT", "permissions/" + VHOST + "/" + SCRIPT_ADMIN, "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
        ProcessBuilder builder = new ProcessBuilder("sh", ROOT.resolve("docker/rabbitmq/create-users.sh").toString());
        builder.environment().putAll(Map.of(
                "RABBITMQ_MANAGEMENT_URL", "http://127.0.0.1:15672", "RABBITMQ_VHOST", VHOST,
                "RABBITMQ_ADMIN_USER", SCRIPT_ADMIN, "RABBITMQ_ADMIN_PASSWORD", PASSWORD,
                "ORDER_SERVICE_BROKER_PASSWORD", "order-" + PASSWORD, "PAYMENT_SERVICE_BROKER_PASSWORD", "payment-" + PASSWORD));
        Process script = builder.redirectErrorStream(true)
                .redirectOutput(Path.of("target", "least-privilege-create-users.log").toFile()).start();
        assertThat(script.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(script.exitValue()).as("create-users.sh, see target/least-privilege-create-users.log").isZero();

        // The services append to their logs, which the test reads: an earlier run's lines must not count.
        for (String service : List.of("least-privilege-order-service", "least-privilege-payment-service")) {
            Files.deleteIfExists(Path.of("target", service + ".log"));
        }
        TestInfrastructure orders = new TestInfrastructure("least_privilege_orders").reset();
        TestInfrastructure payments = new TestInfrastructure("least_privilege_payments").reset();
        paymentService = new ServiceProcess("least-privilege-payment-service", jar("e2e.payment-service.jar"),
                asBrokerUser(payments, "payment-service"), "/actuator/health");
        Map<String, Object> orderProperties = asBrokerUser(orders, "order-service");
        orderProperties.put("app.payment-service.url", "http://localhost:" + paymentService.port());
        orderService = new ServiceProcess("least-privilege-order-service", jar("e2e.order-service.jar"),
                orderProperties, "/actuator/health");
        ServiceProcess.startTogether(List.of(paymentService, orderService));
        http = new SystemHttp(orderService.port(), paymentService.port(), PASSWORD);
    }

    @AfterAll
    static void stopAndRemove() throws Exception {
        if (orderService != null) {
            orderService.stop();
        }
        if (paymentService != null) {
            paymentService.stop();
        }
        management("DELETE", "vhosts/" + VHOST, null);
        management("DELETE", "users/" + SCRIPT_ADMIN, null);
    }

    @Test
    void anOrderIsPaidAndConfirmedWithNothingButTheServicesOwnPermissions() {
        String paymentMethod = http.registerPaymentMethod("customer-least-privilege", "tok_ok");
        String order = http.placeOrder("customer-least-privilege", paymentMethod);

        assertThat(http.awaitFinal(order, Duration.ofSeconds(60)).get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(http.ledger(order)).hasSize(1);
        // Each service declared its topology over compose's: with other arguments, or a permission
        // missing, the broker would have refused it, and the service logged the refusal.
        for (String service : List.of("least-privilege-order-service", "least-privilege-payment-service")) {
            assertThat(Path.of("target", service + ".log")).content()
                    .doesNotContain("ACCESS_REFUSED", "PRECONDITION_FAILED", "Could not declare", "Could not make sure");
        }
    }

    @Test
    void neitherServiceCanPublishTheOthersEventsNorReadTheOthersQueues() throws Exception {
        assertRefused("order-service", channel -> channel.basicPublish("payments.events", "payment.completed", null, new byte[1]));
        assertRefused("payment-service", channel -> channel.basicPublish("orders.events", "refund.requested", null, new byte[1]));
        // Nor through the queues' dead letters or their redrive exchanges.
        assertRefused("order-service", channel -> channel.basicPublish("payment-service.refund-requests.redrive", "", null, new byte[1]));
        assertRefused("payment-service", channel -> channel.basicPublish("order-service.payment-events.redrive", "", null, new byte[1]));
        assertRefused("payment-service", channel -> channel.basicPublish("", "order-service.payment-events", null, new byte[1]));
        assertRefused("order-service", channel -> channel.basicGet("payment-service.payment-requests", false));
        assertRefused("payment-service", channel -> channel.basicGet("order-service.payment-events", false));
    }

    private interface ChannelWork {
        void run(Channel channel) throws IOException;
    }

    /** The broker closes the channel with 403 ACCESS_REFUSED; a publish learns it from the confirm. */
    private static void assertRefused(String user, ChannelWork work) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setVirtualHost(VHOST);
        factory.setUsername(user);
        factory.setPassword(user.startsWith("order") ? "order-" + PASSWORD : "payment-" + PASSWORD);
        try (Connection connection = factory.newConnection()) {
            Channel channel = connection.createChannel();
            channel.confirmSelect();
            assertThatThrownBy(() -> {
                work.run(channel);
                channel.waitForConfirmsOrDie(5_000);
            }).as(user).hasStackTraceContaining("ACCESS_REFUSED");
        }
    }

    private static Map<String, Object> asBrokerUser(TestInfrastructure infrastructure, String user) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("app.database.schema", infrastructure.schema());
        properties.put("app.outbox.confirm-cache.key-prefix", infrastructure.redisKeyPrefix());
        properties.put("spring.rabbitmq.virtual-host", VHOST);
        properties.put("spring.rabbitmq.username", user);
        properties.put("spring.rabbitmq.password", (user.startsWith("order") ? "order-" : "payment-") + PASSWORD);
        properties.put("app.admin.password", PASSWORD);
        return properties;
    }

    private static Path jar(String property) {
        return Path.of(System.getProperty(property, "missing system property " + property));
    }

    private static void management(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:15672/api/" + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("guest:guest".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        int status;
        try {
            status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (ConnectException e) {
            throw new IllegalStateException("RabbitMQ's management API does not answer on 127.0.0.1:15672 "
                    + "(rabbitmq-plugins enable rabbitmq_management)", e);
        }
        // Only a deletion may find nothing (a first run); anything else must have been done.
        if (method.equals("DELETE")) {
            assertThat(status).as(method + " " + path).isIn(200, 204, 404);
        } else {
            assertThat(status).as(method + " " + path).isIn(200, 201, 204);
        }
    }
}
