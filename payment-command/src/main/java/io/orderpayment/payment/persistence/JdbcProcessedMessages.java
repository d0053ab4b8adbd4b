package io.orderpayment.payment.persistence;

import io.orderpayment.payment.application.ProcessedMessages;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor
class JdbcProcessedMessages implements ProcessedMessages {

    private final JdbcTemplate jdbc;

    @Override
    public boolean claim(String messageId) {
        // ON CONFLICT waits for a concurrent claim of the same id to commit or roll back.
        return jdbc.update("insert into processed_message (message_id) values (?) on conflict do nothing", messageId) == 1;
    }
}
