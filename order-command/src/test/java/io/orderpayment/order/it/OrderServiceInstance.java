package io.orderpayment.order.it;

import io.orderpayment.order.OrderServiceApplication;
import io.orderpayment.outbox.ForwarderStatistics;
import io.orderpayment.outbox.OutboxForwarder;
import io.orderpayment.outbox.testsupport.TestInfrastructure;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.HashMap;
import java.util.Map;

/** One running order service, started in this JVM with its own web port and properties. */
public final class OrderServiceInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final OrderHttp http;

    private OrderServiceInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.http = new OrderHttp(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    public static OrderServiceInstance start(TestInfrastructure infrastructure, Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(infrastructure.properties());
        properties.putAll(overrides);
        // As command-line arguments: they win over application.yml, as an operator's settings would.
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(OrderServiceApplication.class).run(arguments);
        return new OrderServiceInstance(context);
    }

    public OrderHttp http() {
        return http;
    }

    public ForwarderStatistics forwarderStatistics() {
        return context.getBean(ForwarderStatistics.class);
    }

    public PooledStreamingEventProcessor forwarder() {
        return context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(OutboxForwarder.PROCESSING_GROUP, PooledStreamingEventProcessor.class)
                .orElseThrow();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
