package io.orderpayment.inbox.jdbc;

import io.orderpayment.inbox.ProcessedMessages;
import org.springframework.jdbc.core.JdbcTemplate;

/** The inbox as a {@code processed_message} table in the service's own schema (each service creates it by migration). */
public class JdbcProcessedMessages implements ProcessedMessages {

    private final JdbcTemplate jdbc;

    public JdbcProcessedMessages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String messageId) {
        // ON CONFLICT waits for a concurrent claim of the same id to commit or roll back.
        return jdbc.update("insert into processed_message (message_id) values (?) on conflict do nothing", messageId) == 1;
    }
}
