package io.orderpayment.outbox.audit;

import io.orderpayment.axon.tokens.ProcessorTokens;
import io.orderpayment.axon.tokens.ProcessorTokens.StoredToken;
import io.orderpayment.axon.transaction.SchemaLock;
import io.orderpayment.outbox.ConfirmedEventCache;
import io.orderpayment.outbox.EventPublisher;
import io.orderpayment.outbox.OutboxForwarder;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finds events the forwarder skipped and publishes them.
 * <p>
 * The forwarder reads the store in global index order. An index taken by a transaction that has
 * not committed yet is a gap, which the reader remembers and comes back to; but it gives up on a
 * gap after the gap timeout (or far enough behind the head), and an event committed after that is
 * passed over for good. The readers record every index they give up on ({@link JdbcGapsGivenUp});
 * the audit watches them: one that turns into an event after the forwarder's segment for it has
 * passed it without keeping it as a gap, and that the confirm cache does not know as published, is
 * published now.
 * Indexes that stay missing for {@code gapRetention} belong to rolled-back transactions and are
 * forgotten.
 * <p>
 * One run at a time across instances (a transaction-scoped advisory lock); what it republishes is
 * confirmed by the broker before the run commits. If the confirm cache has lost an id (Redis
 * flushed), the event is published twice; consumers drop the duplicate by its message id.
 */
public class OutboxAudit {

    private static final Logger log = LoggerFactory.getLogger(OutboxAudit.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ProcessorTokens tokens;
    private final EventStore eventStore;
    private final ConfirmedEventCache confirmedEvents;
    private final EventPublisher publisher;
    private final Duration gapRetention;
    private final AtomicLong republished = new AtomicLong();

    public OutboxAudit(JdbcTemplate jdbc, TransactionTemplate transaction, ProcessorTokens tokens, EventStore eventStore,
                       ConfirmedEventCache confirmedEvents, EventPublisher publisher, Duration gapRetention) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.tokens = tokens;
        this.eventStore = eventStore;
        this.confirmedEvents = confirmedEvents;
        this.publisher = publisher;
        this.gapRetention = gapRetention;
    }

    /** Events republished by this instance's audits since it started. */
    public long republished() {
        return republished.get();
    }

    public AuditReport run() {
        AuditReport report = transaction.execute(status -> runLocked());
        republished.addAndGet(report.republished().size());
        return report;
    }

    private AuditReport runLocked() {
        if (!SchemaLock.tryLock(jdbc, "outbox_audit")) {
            return AuditReport.notRun();
        }
        List<String> republishedNow = publishSkipped(lateEvents());
        jdbc.update("""
                delete from outbox_audit_gap g
                where g.given_up_at < now() - make_interval(secs => ?)
                  and not exists (select 1 from domain_event_entry e where e.global_index = g.global_index)""",
                gapRetention.toMillis() / 1000.0);
        int watched = jdbc.queryForObject("select count(*) from outbox_audit_gap", Integer.class);
        return new AuditReport(true, republishedNow, watched);
    }

    /**
     * Indexes given up on that have turned into events, which the forwarder's segment for them has
     * passed since: the segment marks what it published in the confirm cache before it stores the
     * token that passed it, so the cache, read after the tokens, knows it if it was published. Only
     * that segment counts: waiting for the others, a lagging one could outlast the cache's memory.
     */
    private List<LateEvent> lateEvents() {
        List<StoredToken> forwarder = tokens.of(OutboxForwarder.PROCESSING_GROUP);
        return jdbc.query("""
                        select e.global_index, e.aggregate_identifier, e.sequence_number, e.event_identifier
                        from outbox_audit_gap g join domain_event_entry e on e.global_index = g.global_index
                        order by e.global_index""",
                        (row, n) -> new LateEvent(row.getLong(1), row.getString(2), row.getLong(3), row.getString(4)))
                .stream()
                .filter(late -> ProcessorTokens.passedByItsSegment(forwarder, late.globalIndex(), late.aggregateId()))
                .toList();
    }

    private List<String> publishSkipped(List<LateEvent> late) {
        if (late.isEmpty()) {
            return List.of();
        }
        Set<String> published = confirmedEvents.confirmedAmong(late.stream().map(LateEvent::eventId).toList());
        List<EventMessage<?>> skipped = new ArrayList<>();
        for (LateEvent event : late) {
            if (!published.contains(event.eventId())) {
                DomainEventMessage<?> message = eventStore.readEvents(event.aggregateId(), event.sequenceNumber()).next();
                log.warn("Outbox audit: event {} ({}, index {}, aggregate {}) was committed after the forwarder passed it; publishing it now",
                        message.getIdentifier(), message.getPayloadType().getSimpleName(), event.globalIndex(),
                        event.aggregateId());
                skipped.add(message);
            }
        }
        publisher.publishConfirmed(skipped);
        List<String> ids = skipped.stream().map(EventMessage::getIdentifier).toList();
        confirmedEvents.markConfirmed(ids);
        jdbc.batchUpdate("delete from outbox_audit_gap where global_index = ?",
                late.stream().map(event -> new Object[]{event.globalIndex()}).toList());
        return ids;
    }

    private record LateEvent(long globalIndex, String aggregateId, long sequenceNumber, String eventId) {
    }
}
