package io.orderpayment.order.it;

import io.orderpayment.testsupport.RabbitProbe;
import io.orderpayment.testsupport.ServiceProcess;
import io.orderpayment.testsupport.SwitchableTcpProxy;
import io.orderpayment.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.orderpayment.order.it.ForwarderAssertions.deliveredOrders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The order service process is killed (SIGKILL) while customers are ordering and events wait to be
 * forwarded (the broker was cut off shortly before). Once the broker is back and the service runs
 * again, every order that was accepted with a 202 reaches RabbitMQ.
 */
class ForwarderCrashIT {

    private static final TestInfrastructure INFRASTRUCTURE = new TestInfrastructure("crash");
    private RabbitProbe consumer;
    private SwitchableTcpProxy broker;

    @BeforeEach
    void setUp() {
        consumer = INFRASTRUCTURE.resetWithConsumer();
        broker = SwitchableTcpProxy.to("127.0.0.1", 5672);
    }

    @AfterEach
    void tearDown() {
        consumer.close();
        broker.close();
    }

    @Test
    void everyAcceptedOrderIsPublishedAfterTheServiceWasKilledMidStream() throws Exception {
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        Map<String, Object> viaProxy = Map.of("spring.rabbitmq.port", broker.port());
        ServiceProcess service = orderService(viaProxy, "crash-it-first").start();
        OrderHttp http = new OrderHttp(service.port());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService customers = Executors.newFixedThreadPool(4);
        try {
            for (int c = 0; c < 4; c++) {
                customers.submit(() -> {
                    while (running.get()) {
                        try {
                            accepted.add(http.placeOrder("customer"));
                        } catch (IllegalStateException e) {
                            return; // the service is gone: this order was not accepted
                        }
                    }
                });
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= 50);
            broker.cut();
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= 150);
            service.kill();
        } finally {
            running.set(false);
            customers.shutdown();
            customers.awaitTermination(30, TimeUnit.SECONDS);
            service.close();
        }
        List<String> acceptedBeforeCrash = List.copyOf(accepted);
        assertThat(deliveredOrders(consumer, acceptedBeforeCrash)).hasSizeLessThan(acceptedBeforeCrash.size() - 50);
        broker.restore();

        try (ServiceProcess restarted = orderService(viaProxy, "crash-it-restarted").start()) {
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> deliveredOrders(consumer, acceptedBeforeCrash).size() == acceptedBeforeCrash.size());
        }
        assertThat(acceptedBeforeCrash).hasSizeGreaterThanOrEqualTo(150);
    }

    /** The packaged order service as a separate JVM process, which the test can kill like a crash would. */
    private static ServiceProcess orderService(Map<String, Object> overrides, String logName) {
        Map<String, Object> properties = new HashMap<>(INFRASTRUCTURE.properties());
        properties.putAll(overrides);
        return new ServiceProcess(logName, Path.of("target", "order-command-0.1.0-SNAPSHOT-exec.jar"), properties,
                "/orders?customerId=ready-check");
    }
}
