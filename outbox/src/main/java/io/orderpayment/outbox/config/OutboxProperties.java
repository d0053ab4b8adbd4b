package io.orderpayment.outbox.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the outbox forwarder ({@code app.outbox.*}).
 *
 * @param exchange           the service's topic exchange, e.g. {@code orders.events}
 * @param alternateExchange  where events no queue is bound for go; empty for none (they then fail the batch)
 * @param unroutedMaxLength  how many unrouted events are kept, oldest dropped first
 * @param batchSize          events per processor batch: one confirm wait and one token update each
 * @param segments           segments the event stream is split into, when the forwarder first starts; instances
 *                           split the segments, so at most this many instances forward. Two by default: each
 *                           segment commits its own batches, and one segment forwards far more than a service
 *                           stores (docs/adr/0026)
 * @param maxClaimedSegments segments one instance forwards at most
 * @param confirmTimeout     how long a batch waits for its confirms before it is retried
 * @param maxBatchAttempts   failed attempts after which a batch is published one event at a time, and the events the
 *                           broker refuses are parked (docs/adr/0017)
 * @param balanceInterval    how often an instance checks that it holds no more than its fair share of segments
 * @param tokenClaimInterval how often unclaimed segments (released, or left by a stopped instance) are looked for
 * @param audit              the search for events the forwarder skipped (see {@code OutboxAudit})
 */
@ConfigurationProperties("app.outbox")
public record OutboxProperties(
        String exchange,
        String alternateExchange,
        @DefaultValue("100000") int unroutedMaxLength,
        @DefaultValue("500") int batchSize,
        @DefaultValue("2") int segments,
        @DefaultValue("2147483647") int maxClaimedSegments,
        @DefaultValue("10s") Duration confirmTimeout,
        @DefaultValue("5") int maxBatchAttempts,
        @DefaultValue("5s") Duration tokenClaimInterval,
        @DefaultValue("5s") Duration balanceInterval,
        @DefaultValue ConfirmCache confirmCache,
        @DefaultValue Audit audit) {

    public OutboxProperties {
        if (exchange == null || exchange.isBlank()) {
            throw new IllegalArgumentException("app.outbox.exchange must name the service's events exchange");
        }
        if (alternateExchange == null) {
            alternateExchange = exchange + ".unrouted";
        }
        if (maxBatchAttempts < 1) {
            throw new IllegalArgumentException("app.outbox.max-batch-attempts must be at least 1, not " + maxBatchAttempts);
        }
    }

    /**
     * @param keyPrefix         Redis key prefix of confirmed event ids
     * @param ttl               how long a confirmed id is remembered: long enough for a batch to be retried after
     *                          its confirms came (a failed token commit, a segment taken over), about 145 bytes
     *                          of Redis per event for this long
     * @param pauseAfterFailure how long to do without Redis after it failed
     */
    public record ConfirmCache(
            @DefaultValue("outbox:confirmed:") String keyPrefix,
            @DefaultValue("10m") Duration ttl,
            @DefaultValue("5s") Duration pauseAfterFailure) {
    }

    /**
     * @param interval     how often each instance runs the audit (one at a time across instances)
     * @param gapRetention how long an index missing from the event store is watched before it is taken
     *                     for a rolled-back transaction's
     */
    public record Audit(
            @DefaultValue("1m") Duration interval,
            @DefaultValue("1h") Duration gapRetention) {
    }
}
