package io.orderpayment.axon.config;

import io.orderpayment.axon.command.CachingCommandTargetResolver;
import io.orderpayment.axon.eventstore.GapsGivenUp;
import io.orderpayment.axon.eventstore.PromptEventSource;
import io.orderpayment.axon.tokens.ProcessorTokens;
import io.orderpayment.axon.transaction.EventStoringTransaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How the services run Axon on PostgreSQL: pooled processors woken as soon as an event is stored,
 * and transactions that store events begun by Axon's unit of work. Axon's tables come from the
 * Flyway migrations in {@code db/migration/axon}, added to the service's; the mapping of their
 * binary columns from {@code PostgresByteaTypeContributor} and {@code META-INF/orm.xml}; the stores
 * themselves from {@link AxonJdbcStorageAutoConfiguration}.
 */
@AutoConfiguration(afterName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
public class AxonPostgresAutoConfiguration {

    private static final long CLAIM_EXTENSION_THRESHOLD_MILLIS = 2_000;

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

    /** Axon's configuration of each aggregate takes its command target resolver from this bean. */
    @Bean
    @ConditionalOnMissingBean
    CommandTargetResolver commandTargetResolver() {
        return new CachingCommandTargetResolver();
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
