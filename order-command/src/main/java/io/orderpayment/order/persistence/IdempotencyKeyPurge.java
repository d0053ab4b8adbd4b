package io.orderpayment.order.persistence;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * An Idempotency-Key protects against retries, which come within minutes; kept for ever, the keys
 * would only grow the table. After {@code app.idempotency.retention} a key may place a new order.
 */
@Slf4j
@Component
@RequiredArgsConstructor
public class IdempotencyKeyPurge {

    private final JdbcTemplate jdbc;

    @Value("${app.idempotency.retention}")
    private Duration retention;

    @Scheduled(fixedDelayString = "${app.idempotency.purge-interval}", initialDelayString = "${app.idempotency.purge-interval}")
    void purgeExpired() {
        int purged = purgeOlderThan(retention);
        if (purged > 0) {
            log.info("Purged {} Idempotency-Keys older than {}", purged, retention);
        }
    }

    /** @return how many keys were deleted */
    public int purgeOlderThan(Duration age) {
        return jdbc.update("delete from idempotency_key where created_at < now() - make_interval(secs => ?)",
                age.toMillis() / 1000.0);
    }
}
