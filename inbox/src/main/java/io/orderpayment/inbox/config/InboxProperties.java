package io.orderpayment.inbox.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The inbox ({@code app.inbox.*}).
 *
 * Ids older than the retention are deleted every {@code app.inbox.purge-interval} (10m).
 *
 * @param retention how long a processed message's id is kept to recognise duplicates; at least the
 *                  publishing outbox's confirm-cache lifetime, within which it may send an event again
 */
@ConfigurationProperties("app.inbox")
public record InboxProperties(@DefaultValue("7d") Duration retention) {
}
