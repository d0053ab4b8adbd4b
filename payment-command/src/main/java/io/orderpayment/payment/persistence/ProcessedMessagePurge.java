package io.orderpayment.payment.persistence;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The inbox stops redeliveries, which come within minutes, and republished events, which come
 * within the publisher's confirm-cache lifetime (7 days). Kept for ever, its rows would only grow
 * the table; a duplicate that arrives after its row is gone still finds its payment settled and
 * changes nothing.
 */
@Slf4j
@Component
@RequiredArgsConstructor
public class ProcessedMessagePurge {

    private final JdbcTemplate jdbc;

    @Value("${app.payment.inbox.retention}")
    private Duration retention;

    @Scheduled(fixedDelayString = "${app.payment.inbox.purge-interval}", initialDelayString = "${app.payment.inbox.purge-interval}")
    void purgeExpired() {
        int purged = purgeOlderThan(retention);
        if (purged > 0) {
            log.info("Purged {} processed-message records older than {}", purged, retention);
        }
    }

    /** @return how many records were deleted */
    public int purgeOlderThan(Duration age) {
        return jdbc.update("delete from processed_message where processed_at < now() - make_interval(secs => ?)",
                age.toMillis() / 1000.0);
    }
}
