package io.orderpayment.order.persistence;

import io.orderpayment.order.config.PaymentEventsProperties;
import io.orderpayment.inbox.jdbc.ProcessedMessagePurge;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets processed payment events after app.payment-events.inbox-retention; the Order aggregate ignores later duplicates anyway. */
@Slf4j
@Component
@RequiredArgsConstructor
class InboxPurge {

    private final ProcessedMessagePurge purge;
    private final PaymentEventsProperties properties;

    @Scheduled(fixedDelayString = "${app.payment-events.purge-interval:10m}",
            initialDelayString = "${app.payment-events.purge-interval:10m}")
    void purgeExpired() {
        int purged = purge.purgeOlderThan(properties.inboxRetention());
        if (purged > 0) {
            log.info("Purged {} processed payment-event records older than {}", purged, properties.inboxRetention());
        }
    }
}
