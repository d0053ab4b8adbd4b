package io.orderpayment.inbox.jdbc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Duration;

/**
 * Forgets processed messages after {@code app.inbox.retention}. The inbox stops redeliveries, which
 * come within minutes, and events an outbox sends again, which come within its confirm cache's
 * lifetime; kept for ever, its rows would only grow the table. A duplicate arriving after its row
 * is gone must be harmless on its own: the aggregates see to that. Counts of failed deliveries
 * ({@code failed_delivery}) of messages that later succeeded go after the same time.
 */
public class InboxPurge {

    private static final Logger log = LoggerFactory.getLogger(InboxPurge.class);

    private final JdbcTemplate jdbc;
    private final Duration retention;

    public InboxPurge(JdbcTemplate jdbc, Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${app.inbox.purge-interval:10m}", initialDelayString = "${app.inbox.purge-interval:10m}")
    void purgeExpired() {
        int purged = purgeOlderThan(retention);
        if (purged > 0) {
            log.info("Purged {} processed-message records older than {}", purged, retention);
        }
    }

    /** @return how many processed-message records were deleted (failure counts as old go too) */
    public int purgeOlderThan(Duration age) {
        jdbc.update("delete from failed_delivery where last_failed_at < now() - make_interval(secs => ?)",
                age.toMillis() / 1000.0);
        return jdbc.update("delete from processed_message where processed_at < now() - make_interval(secs => ?)",
                age.toMillis() / 1000.0);
    }
}
