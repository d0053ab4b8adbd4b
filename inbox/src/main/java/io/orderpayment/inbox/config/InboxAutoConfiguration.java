package io.orderpayment.inbox.config;

import io.orderpayment.inbox.jdbc.JdbcProcessedMessages;
import io.orderpayment.inbox.jdbc.ProcessedMessagePurge;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** The inbox of services that consume events from other services; the table is theirs to create. */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
@ConditionalOnBean(JdbcTemplate.class)
public class InboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JdbcProcessedMessages processedMessages(JdbcTemplate jdbc) {
        return new JdbcProcessedMessages(jdbc);
    }

    @Bean
    @ConditionalOnMissingBean
    ProcessedMessagePurge processedMessagePurge(JdbcTemplate jdbc) {
        return new ProcessedMessagePurge(jdbc);
    }
}
