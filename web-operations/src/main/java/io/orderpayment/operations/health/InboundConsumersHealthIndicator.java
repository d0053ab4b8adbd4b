package io.orderpayment.operations.health;

import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The listener containers that take the other service's events in. One that is stopped, or has no
 * consumer on its queue, leaves outcomes waiting in RabbitMQ and orders PENDING until their
 * deadlines: DOWN. The HTTP API still answers, so readiness is not affected.
 */
public class InboundConsumersHealthIndicator extends AbstractHealthIndicator {

    private final Supplier<List<AbstractMessageListenerContainer>> containers;

    /** @param containers asked at each check: the containers are created after the health indicators */
    public InboundConsumersHealthIndicator(Supplier<List<AbstractMessageListenerContainer>> containers) {
        super("Inbound consumers health check failed");
        this.containers = containers;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean allConsuming = true;
        for (AbstractMessageListenerContainer container : containers.get()) {
            int consumers = container instanceof SimpleMessageListenerContainer simple ? simple.getActiveConsumerCount() : -1;
            boolean consuming = container.isRunning() && consumers != 0;
            allConsuming &= consuming;
            builder.withDetail(String.join(",", container.getQueueNames()),
                    Map.of("running", container.isRunning(), "activeConsumers", consumers));
        }
        if (allConsuming) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
