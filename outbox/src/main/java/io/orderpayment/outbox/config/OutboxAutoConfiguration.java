package io.orderpayment.outbox.config;

import io.orderpayment.axon.config.MigrationLocation;
import io.orderpayment.axon.eventstore.GapsGivenUp;
import io.orderpayment.axon.eventstore.PromptEventSource;
import io.orderpayment.axon.tokens.ProcessorTokens;
import io.orderpayment.outbox.ConfirmedEventCache;
import io.orderpayment.outbox.EventPublisher;
import io.orderpayment.outbox.ForwarderStatistics;
import io.orderpayment.outbox.OutboxForwarder;
import io.orderpayment.outbox.amqp.EventTypeRoutingKeys;
import io.orderpayment.outbox.amqp.OutboxMessageConverter;
import io.orderpayment.outbox.amqp.OutboxTopology;
import io.orderpayment.outbox.amqp.RabbitEventPublisher;
import io.orderpayment.outbox.amqp.RequiredQueues;
import io.orderpayment.outbox.audit.JdbcGapsGivenUp;
import io.orderpayment.outbox.audit.OutboxAudit;
import io.orderpayment.outbox.balancing.SegmentBalancer;
import io.orderpayment.outbox.parking.JdbcParkedEvents;
import io.orderpayment.outbox.parking.ParkedEventRetry;
import io.orderpayment.outbox.redis.RedisConfirmedEventCache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.amqp.autoconfig.AMQPAutoConfiguration;
import org.axonframework.extensions.amqp.eventhandling.AMQPMessageConverter;
import org.axonframework.extensions.amqp.eventhandling.RoutingKeyResolver;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.RabbitConnectionFactoryBean;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.amqp.CachingConnectionFactoryConfigurer;
import org.springframework.boot.autoconfigure.amqp.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.amqp.RabbitConnectionFactoryBeanConfigurer;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Wires the outbox into a service: add this module and set {@code app.outbox.exchange}. Its messages
 * are built by the Axon AMQP extension's contracts ({@link AMQPMessageConverter},
 * {@link RoutingKeyResolver}); the extension's own publisher stays off ({@code axon.amqp.exchange}
 * unset), since it publishes after a command's commit and is no outbox.
 */
@AutoConfiguration(after = {RabbitAutoConfiguration.class, RedisAutoConfiguration.class},
        before = AMQPAutoConfiguration.class,
        afterName = "io.orderpayment.axon.config.AxonPostgresAutoConfiguration")
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OutboxAutoConfiguration.class);

    /** The instances' heartbeats for {@link SegmentBalancer}. */
    @Bean
    FlywayConfigurationCustomizer outboxMigrations() {
        return MigrationLocation.of("db/migration/outbox");
    }

    /**
     * The forwarder publishes on a connection of its own, with confirms and returns on, whatever the
     * service's other RabbitMQ settings; it is not a ConnectionFactory bean, so Spring Boot still
     * builds the service's ordinary one for its consumers.
     */
    @Bean
    OutboxConnection outboxConnection(RabbitConnectionFactoryBeanConfigurer rabbitConfigurer,
                                      CachingConnectionFactoryConfigurer cachingConfigurer,
                                      OutboxProperties properties, ObjectProvider<RequiredQueues> requiredQueues,
                                      Environment environment) throws Exception {
        RabbitConnectionFactoryBean factoryBean = new RabbitConnectionFactoryBean();
        rabbitConfigurer.configure(factoryBean);
        factoryBean.afterPropertiesSet();
        CachingConnectionFactory connectionFactory = new CachingConnectionFactory(factoryBean.getObject());
        cachingConfigurer.configure(connectionFactory);
        connectionFactory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        connectionFactory.setPublisherReturns(true);
        String application = environment.getProperty("spring.application.name", "service");
        connectionFactory.setConnectionNameStrategy(factory -> application + "-outbox");
        connectionFactory.addConnectionListener(new OutboxTopology(
                properties.exchange(), properties.alternateExchange(), properties.unroutedMaxLength(),
                requiredQueues.orderedStream().toList()));
        RabbitTemplate template = new RabbitTemplate(connectionFactory);
        template.setMandatory(true);
        declareTopologyNow(connectionFactory, properties.exchange());
        return new OutboxConnection(connectionFactory, template);
    }

    /**
     * Connecting at start-up declares the exchange, so consumers can bind to it before the first
     * event. A broker that is down must not stop the service from taking orders: that is the
     * point of the outbox, so this only logs.
     */
    private static void declareTopologyNow(CachingConnectionFactory connectionFactory, String exchange) {
        try {
            connectionFactory.createConnection();
        } catch (AmqpException e) {
            log.warn("RabbitMQ not reachable at start-up ({}); exchange '{}' will be declared on first connection",
                    e.getMessage(), exchange);
        }
    }

    /** Routing keys from event types; as a bean, it also keeps the AMQP extension's package-based resolver out. */
    @Bean
    RoutingKeyResolver eventTypeRoutingKeys() {
        return new EventTypeRoutingKeys();
    }

    /** The message format of docs/events.md; as a bean, it also keeps the AMQP extension's default converter out. */
    @Bean
    AMQPMessageConverter outboxMessageConverter(@Qualifier("eventSerializer") Serializer eventSerializer,
                                                RoutingKeyResolver routingKeys) {
        return new OutboxMessageConverter(eventSerializer, routingKeys);
    }

    @Bean
    EventPublisher outboxEventPublisher(OutboxConnection connection, AMQPMessageConverter converter,
                                        OutboxProperties properties) {
        return new RabbitEventPublisher(connection.template(), converter, properties.exchange(),
                properties.confirmTimeout());
    }

    @Bean
    ConfirmedEventCache confirmedEventCache(StringRedisTemplate redis, OutboxProperties properties) {
        OutboxProperties.ConfirmCache cache = properties.confirmCache();
        return new RedisConfirmedEventCache(redis, cache.keyPrefix(), cache.ttl(), cache.pauseAfterFailure(),
                Clock.systemUTC());
    }

    @Bean
    ForwarderStatistics forwarderStatistics() {
        return new ForwarderStatistics();
    }

    @Bean
    OutboxForwarder outboxForwarder(EventPublisher publisher, ConfirmedEventCache confirmedEventCache,
                                    JdbcParkedEvents parkedEvents, ForwarderStatistics statistics,
                                    OutboxProperties properties) {
        return new OutboxForwarder(publisher, confirmedEventCache, parkedEvents, statistics, properties.maxBatchAttempts());
    }

    /** Events the broker refused, parked for an operator (docs/adr/0017). */
    @Bean
    JdbcParkedEvents parkedEvents(JdbcTemplate database) {
        return new JdbcParkedEvents(database);
    }

    @Bean
    ParkedEventRetry parkedEventRetry(JdbcParkedEvents parkedEvents, PlatformTransactionManager transactionManager,
                                      EventStore eventStore, EventPublisher publisher,
                                      ConfirmedEventCache confirmedEventCache) {
        return new ParkedEventRetry(parkedEvents, new TransactionTemplate(transactionManager), eventStore, publisher,
                confirmedEventCache);
    }

    /**
     * A pooled streaming processor over the event store, starting at its very beginning, whose
     * handler failures propagate: by default Axon logs them and moves the token on.
     */
    @Bean
    ConfigurerModule outboxProcessorConfigurer(OutboxProperties properties,
                                               ObjectProvider<PromptEventSource> promptEventSource) {
        // Looked up when the processor is built: the event store it wraps is part of Axon's configuration.
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessor(OutboxForwarder.PROCESSING_GROUP,
                        config -> promptEventSource.getObject(),
                        (config, builder) -> builder
                                .batchSize(properties.batchSize())
                                .initialSegmentCount(properties.segments())
                                .maxClaimedSegments(properties.maxClaimedSegments())
                                .tokenClaimInterval(properties.tokenClaimInterval().toMillis())
                                .initialToken(StreamableMessageSource<TrackedEventMessage<?>>::createTailToken))
                .registerListenerInvocationErrorHandler(OutboxForwarder.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance()));
    }

    /** The indexes the forwarder's (and every other prompt) reader gives up on, for the audit to watch. */
    @Bean
    GapsGivenUp gapsGivenUp(JdbcTemplate database) {
        return new JdbcGapsGivenUp(database);
    }

    @Bean
    OutboxAudit outboxAudit(JdbcTemplate database, PlatformTransactionManager transactionManager,
                            ProcessorTokens tokens, EventStore eventStore, ConfirmedEventCache confirmedEventCache,
                            EventPublisher publisher, OutboxProperties properties) {
        return new OutboxAudit(database, new TransactionTemplate(transactionManager), tokens, eventStore,
                confirmedEventCache, publisher, properties.audit().gapRetention());
    }

    /**
     * Keeps the forwarder's segments divided fairly among the running instances, and runs the
     * audit that finds events the forwarder skipped.
     */
    @Bean
    OutboxMaintenance outboxMaintenance(EventProcessingConfiguration processing, JdbcTemplate database,
                                               OutboxAudit audit, OutboxProperties properties, Environment environment) {
        String instanceId = environment.getProperty("app.node-id",
                environment.getProperty("spring.application.name", "service") + "-" + UUID.randomUUID());
        SegmentBalancer balancer = new SegmentBalancer(
                () -> processing.eventProcessor(OutboxForwarder.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow(),
                database, instanceId, properties.balanceInterval());
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-maintenance");
            thread.setDaemon(true);
            return thread;
        });
        long period = properties.balanceInterval().toMillis();
        scheduler.scheduleWithFixedDelay(balancer, period, period, TimeUnit.MILLISECONDS);
        long auditPeriod = properties.audit().interval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> runAudit(audit), auditPeriod, auditPeriod, TimeUnit.MILLISECONDS);
        return new OutboxMaintenance(scheduler);
    }

    /** A failed run (broker or database away) is logged; the next one looks again. */
    private static void runAudit(OutboxAudit audit) {
        try {
            audit.run();
        } catch (RuntimeException e) {
            log.warn("Outbox audit failed; it runs again at the next interval: {}", e.toString());
        }
    }

    /**
     * The outbox's own scheduler, stopped with the application. Not a ScheduledExecutorService bean:
     * Spring would take it for the scheduler of the service's {@code @Scheduled} methods, which would
     * then wait behind the balancer and the audit.
     */
    public record OutboxMaintenance(ScheduledExecutorService scheduler) implements DisposableBean {

        @Override
        public void destroy() {
            scheduler.shutdownNow();
        }
    }

    /** The forwarder's own RabbitMQ connection, closed with the application. */
    public record OutboxConnection(CachingConnectionFactory connectionFactory, RabbitTemplate template)
            implements DisposableBean {

        @Override
        public void destroy() {
            connectionFactory.destroy();
        }
    }
}
