package io.orderpayment.order.it;

import io.orderpayment.order.OrderServiceApplication;
import io.orderpayment.outbox.ForwarderStatistics;
import io.orderpayment.outbox.OutboxForwarder;
import io.orderpayment.testsupport.TestInfrastructure;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

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
        ConfigurableApplicationContext context = new SpringApplicationBuilder(OrderServiceApplication.class)
                .run(infrastructure.commandLine(overrides));
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
