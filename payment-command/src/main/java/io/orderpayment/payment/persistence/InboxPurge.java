package io.orderpayment.payment.persistence;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.annotation.Value;
import io.orderpayment.inbox.jdbc.ProcessedMessagePurge;
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
class InboxPurge {

    private final ProcessedMessagePurge purge;

    @Value("${app.payment.inbox.retention}")
    private Duration retention;

    @Scheduled(fixedDelayString = "${app.payment.inbox.purge-interval}", initialDelayString = "${app.payment.inbox.purge-interval}")
    void purgeExpired() {
        int purged = purge.purgeOlderThan(retention);
        if (purged > 0) {
            log.info("Purged {} processed-message records older than {}", purged, retention);
        }
    }
}
