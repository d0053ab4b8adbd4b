package io.orderpayment.inbox.jdbc;

import io.orderpayment.inbox.FailedDeliveries;
import org.springframework.jdbc.core.JdbcTemplate;

/** Failures per message in {@code failed_delivery}, each recorded in a transaction of its own. */
public class JdbcFailedDeliveries implements FailedDeliveries {

    private static final int MAX_REASON_LENGTH = 1_000;

    private final JdbcTemplate jdbc;

    public JdbcFailedDeliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int recordFailure(String messageId, String why) {
        String reason = why == null ? "" : why.length() > MAX_REASON_LENGTH ? why.substring(0, MAX_REASON_LENGTH) : why;
        return jdbc.queryForObject("""
                insert into failed_delivery (message_id, failures, last_failure) values (?, 1, ?)
                on conflict (message_id) do update
                  set failures = failed_delivery.failures + 1, last_failure = excluded.last_failure, last_failed_at = now()
                returning failures""", Integer.class, messageId, reason);
    }

    @Override
    public void forget(String messageId) {
        jdbc.update("delete from failed_delivery where message_id = ?", messageId);
    }
}
