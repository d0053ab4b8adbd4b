package io.orderpayment.axon.config;

import io.orderpayment.axon.eventstore.GapsGivenUp;
import io.orderpayment.axon.eventstore.PromptEventSource;
import io.orderpayment.axon.tokens.ProcessorTokens;
import io.orderpayment.axon.transaction.EventStoringTransaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

/**
 * How the services run Axon on PostgreSQL: pooled processors woken as soon as an event is stored,
 * and transactions that store events begun by Axon's unit of work. Axon's tables come from the
 * Flyway migrations in {@code db/migration/axon}, added to the service's; the mapping of their
 * binary columns from {@code PostgresByteaTypeContributor} and {@code META-INF/orm.xml}.
 * <p>
 * {@code app.event-store.gap-timeout} (default 10 minutes): how long a reader waits for an event
 * whose global index was taken by a transaction that has not committed yet. See
 * docs/adr/0014-no-committed-event-is-skipped.md.
 */
@AutoConfiguration(afterName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
public class AxonPostgresAutoConfiguration {

    private static final long CLAIM_EXTENSION_THRESHOLD_MILLIS = 2_000;

    static final String GAP_TIMEOUT = "app.event-store.gap-timeout";
    private static final Duration DEFAULT_GAP_TIMEOUT = Duration.ofMinutes(10);

    /**
     * Migrations of modules (numbered 1.x) may be added after a service's own (2.x) were applied:
     * they create tables of their own, so the order between the two does not matter.
     */
    @Bean
    FlywayConfigurationCustomizer axonMigrations() {
        FlywayConfigurationCustomizer location = MigrationLocation.of("db/migration/axon");
        return flyway -> {
            location.customize(flyway);
            flyway.outOfOrder(true);
        };
    }

    /**
     * Axon's readers forget a gap in the global index once the event after it is older than the
     * gap timeout, one minute by default: a reader that lags by more (a forwarder waiting out a
     * broker outage) would skip an event whose transaction commits late. Static: a post-processor
     * is created before the other beans.
     */
    @Bean
    static BeanPostProcessor eventStoreGapTimeout(Environment environment) {
        Duration gapTimeout = Binder.get(environment).bind(GAP_TIMEOUT, Duration.class).orElse(DEFAULT_GAP_TIMEOUT);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JpaEventStorageEngine engine) {
                    engine.setGapTimeout(Math.toIntExact(gapTimeout.toMillis()));
                }
                return bean;
            }
        };
    }

    /** The processors' tokens, read without claiming them: for positions, lag and audits. */
    @Bean
    ProcessorTokens processorTokens(JdbcTemplate jdbc, Serializer serializer) {
        return new ProcessorTokens(jdbc, serializer);
    }

    /**
     * The event store for pooled processors (the outbox forwarder, and any a service points at it with
     * {@code axon.eventhandling.processors.<name>.source=promptEventSource}): they see new events at
     * once instead of within 500 ms. Its streams tell a {@link GapsGivenUp} bean, if there is one,
     * which indexes they stopped waiting for.
     */
    @Bean
    PromptEventSource promptEventSource(EventStore eventStore, ObjectProvider<GapsGivenUp> gapsGivenUp) {
        return new PromptEventSource(eventStore, gapsGivenUp.getIfAvailable(() -> GapsGivenUp.IGNORED));
    }

    /** For the services' own transactions that store events: see {@link EventStoringTransaction}. */
    @Bean
    EventStoringTransaction eventStoringTransaction(TransactionManager axonTransactionManager) {
        return new EventStoringTransaction(axonTransactionManager);
    }

    /**
     * Woken by the store instead of looking every 500 ms, an idle pooled processor runs only every
     * token claim interval (5 s), and Axon extends a claim only when the last extension is older
     * than this threshold (also 5 s by default): claims were then extended only every 10 s, the
     * claim timeout, so another instance could take a segment that was still being worked on.
     */
    @Bean
    ConfigurerModule pooledProcessorClaimExtension() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessorConfiguration(
                        (config, builder) -> builder.claimExtensionThreshold(CLAIM_EXTENSION_THRESHOLD_MILLIS)));
    }
}
