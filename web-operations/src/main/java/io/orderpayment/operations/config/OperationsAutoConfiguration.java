package io.orderpayment.operations.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderpayment.axon.tokens.ProcessorTokens;
import io.orderpayment.inbox.amqp.ConsumerTopology;
import io.orderpayment.operations.audit.OutboxAuditController;
import io.orderpayment.operations.broker.WaitingMessages;
import io.orderpayment.operations.deadletters.DeadLetterController;
import io.orderpayment.operations.deadletters.DeadLetterQueues;
import io.orderpayment.operations.events.EventHistory;
import io.orderpayment.operations.health.ConfirmCacheHealthIndicator;
import io.orderpayment.operations.health.ForwarderHealthIndicator;
import io.orderpayment.operations.health.InboundConsumersHealthIndicator;
import io.orderpayment.operations.metrics.OutboxMetrics;
import io.orderpayment.operations.metrics.ProcessorLag;
import io.orderpayment.operations.metrics.WaitingMessageMetrics;
import io.orderpayment.operations.parking.ParkedEventController;
import io.orderpayment.operations.processors.ProcessorPositions;
import io.orderpayment.operations.processors.ProcessorStatusController;
import io.orderpayment.operations.unrouted.UnroutedEventController;
import io.orderpayment.operations.unrouted.UnroutedEvents;
import io.orderpayment.outbox.ForwarderStatistics;
import io.orderpayment.outbox.audit.OutboxAudit;
import io.orderpayment.outbox.config.OutboxAutoConfiguration;
import io.orderpayment.outbox.config.OutboxProperties;
import io.orderpayment.outbox.parking.JdbcParkedEvents;
import io.orderpayment.outbox.parking.ParkedEventRetry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * The operator's view of a service built on the outbox: processor positions, dead letters and
 * unrouted events, the forwarder's and Redis's health, their metrics, and the event history of
 * aggregates.
 */
@AutoConfiguration(after = OutboxAutoConfiguration.class,
        afterName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@EnableConfigurationProperties(OperationsProperties.class)
public class OperationsAutoConfiguration {

    @Bean
    ProcessorPositions processorPositions(ProcessorTokens tokens, EventStore eventStore) {
        return new ProcessorPositions(tokens, eventStore);
    }

    @Bean
    ProcessorStatusController processorStatusController(ProcessorPositions positions,
                                                        EventProcessingConfiguration processing,
                                                        ForwarderStatistics statistics) {
        return new ProcessorStatusController(positions, processing, statistics);
    }

    @Bean
    WaitingMessages waitingMessages(ConnectionFactory connectionFactory, OperationsProperties properties) {
        return new WaitingMessages(connectionFactory, properties.redriveConfirmTimeout());
    }

    @Bean
    DeadLetterQueues deadLetterQueues(WaitingMessages messages, ObjectProvider<ConsumerTopology> topologies) {
        return new DeadLetterQueues(messages, topologies.orderedStream().toList());
    }

    @Bean
    DeadLetterController deadLetterController(DeadLetterQueues deadLetters) {
        return new DeadLetterController(deadLetters);
    }

    @Bean
    EventHistory eventHistory(EventStore eventStore, ObjectMapper json,
                              @Value("${spring.application.name}") String service) {
        return new EventHistory(eventStore, json, service);
    }

    @Bean
    ConfirmCacheHealthIndicator confirmCacheHealthIndicator(RedisConnectionFactory redis) {
        return new ConfirmCacheHealthIndicator(redis);
    }

    @Bean
    ForwarderHealthIndicator outboxForwarderHealthIndicator(ProcessorPositions positions,
                                                            ForwarderStatistics statistics,
                                                            JdbcParkedEvents parkedEvents,
                                                            OperationsProperties properties) {
        return new ForwarderHealthIndicator(positions, statistics, parkedEvents::count, properties.forwarderLagWarning());
    }

    @Bean
    InboundConsumersHealthIndicator inboundConsumersHealthIndicator(
            ObjectProvider<AbstractMessageListenerContainer> containers) {
        return new InboundConsumersHealthIndicator(() -> containers.orderedStream().toList());
    }

    @Bean
    ProcessorLag processorLag(ProcessorPositions positions) {
        return new ProcessorLag(positions);
    }

    @Bean
    OutboxMetrics outboxMetrics(ForwarderStatistics statistics, ProcessorLag lag, OutboxAudit audit) {
        return new OutboxMetrics(statistics, lag, audit);
    }

    @Bean
    OutboxAuditController outboxAuditController(OutboxAudit audit) {
        return new OutboxAuditController(audit);
    }

    @Bean
    WaitingMessageMetrics waitingMessageMetrics(DeadLetterQueues deadLetters, ObjectProvider<UnroutedEvents> unrouted,
                                                JdbcParkedEvents parkedEvents) {
        return new WaitingMessageMetrics(deadLetters, unrouted.getIfAvailable(), parkedEvents::count);
    }

    @Bean
    ParkedEventController parkedEventController(JdbcParkedEvents parkedEvents, ParkedEventRetry retry) {
        return new ParkedEventController(parkedEvents, retry);
    }

    /** Only where the outbox keeps unrouted events: {@code app.outbox.alternate-exchange} is not empty. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("!'${app.outbox.alternate-exchange:unset}'.isEmpty()")
    static class UnroutedEventsConfiguration {

        @Bean
        UnroutedEvents unroutedEvents(WaitingMessages messages, OutboxProperties outbox) {
            return new UnroutedEvents(messages, outbox.exchange(), outbox.alternateExchange());
        }

        @Bean
        UnroutedEventController unroutedEventController(UnroutedEvents unrouted) {
            return new UnroutedEventController(unrouted);
        }
    }
}
