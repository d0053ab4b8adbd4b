package io.orderpayment.inbox.config;

import io.orderpayment.axon.config.MigrationLocation;
import io.orderpayment.axon.transaction.EventStoringTransaction;
import io.orderpayment.inbox.FailedDeliveries;
import io.orderpayment.inbox.Inbox;
import io.orderpayment.inbox.ProcessedMessages;
import io.orderpayment.inbox.jdbc.InboxPurge;
import io.orderpayment.inbox.jdbc.JdbcFailedDeliveries;
import io.orderpayment.inbox.jdbc.JdbcProcessedMessages;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The inbox of a service that consumes other services' events: its tables (Flyway,
 * {@code db/migration/inbox}), the once-per-message block, the count of failed deliveries and the
 * purge of old records.
 */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class,
        afterName = "io.orderpayment.axon.config.AxonPostgresAutoConfiguration")
@EnableConfigurationProperties(InboxProperties.class)
@EnableScheduling
public class InboxAutoConfiguration {

    @Bean
    FlywayConfigurationCustomizer inboxMigrations() {
        return MigrationLocation.of("db/migration/inbox");
    }

    @Bean
    @ConditionalOnMissingBean
    ProcessedMessages processedMessages(JdbcTemplate jdbc) {
        return new JdbcProcessedMessages(jdbc);
    }

    @Bean
    @ConditionalOnMissingBean
    FailedDeliveries failedDeliveries(JdbcTemplate jdbc) {
        return new JdbcFailedDeliveries(jdbc);
    }

    @Bean
    Inbox inbox(ProcessedMessages processedMessages, EventStoringTransaction transaction) {
        return new Inbox(processedMessages, transaction);
    }

    @Bean
    InboxPurge inboxPurge(JdbcTemplate jdbc, InboxProperties properties) {
        return new InboxPurge(jdbc, properties.retention());
    }
}
