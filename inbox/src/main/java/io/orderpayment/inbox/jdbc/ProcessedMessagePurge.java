package io.orderpayment.inbox.jdbc;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

/**
 * Deletes old records from the {@code processed_message} inbox table. A duplicate arriving after
 * its record is gone must be harmless on its own: the aggregates make it so.
 */
public class ProcessedMessagePurge {

    private final JdbcTemplate jdbc;

    public ProcessedMessagePurge(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return how many records were deleted */
    public int purgeOlderThan(Duration age) {
        return jdbc.update("delete from processed_message where processed_at < now() - make_interval(secs => ?)",
                age.toMillis() / 1000.0);
    }
}
