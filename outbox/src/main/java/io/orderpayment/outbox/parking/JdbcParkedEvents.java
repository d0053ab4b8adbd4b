package io.orderpayment.outbox.parking;

import io.orderpayment.outbox.ParkedEvents;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The parked events in table {@code outbox_parked_event}, in the service's schema. The forwarder
 * reads an aggregate's parked rows with a share lock and a retry with an update lock, so a batch
 * and a retry of the same aggregate wait for each other: the batch never publishes an event while
 * an earlier one of its aggregate is being taken out of the parking, nor parks one behind rows the
 * retry has just published.
 */
public class JdbcParkedEvents implements ParkedEvents {

    private static final RowMapper<ParkedEvent> PARKED_EVENT = (row, n) -> new ParkedEvent(row.getString("event_id"),
            row.getString("aggregate_id"), row.getLong("sequence_number"), row.getString("event_type"),
            row.getString("reason"), row.getTimestamp("parked_at").toInstant());

    private final JdbcTemplate jdbc;

    public JdbcParkedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> aggregatesAmong(Collection<String> aggregateIds) {
        if (aggregateIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList(
                "select aggregate_id from outbox_parked_event where aggregate_id = any(?) for share",
                String.class, (Object) aggregateIds.toArray(String[]::new)));
    }

    @Override
    public void park(DomainEventMessage<?> event, String reason) {
        jdbc.update("""
                        insert into outbox_parked_event (event_id, aggregate_id, sequence_number, event_type, reason)
                        values (?, ?, ?, ?, ?) on conflict do nothing""",
                event.getIdentifier(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                event.getPayloadType().getSimpleName(), reason);
    }

    public long count() {
        return jdbc.queryForObject("select count(*) from outbox_parked_event", Long.class);
    }

    /** The oldest parked first; an aggregate's in their order. */
    public List<ParkedEvent> list(int limit) {
        return jdbc.query("select * from outbox_parked_event order by parked_at, aggregate_id, sequence_number limit ?",
                PARKED_EVENT, limit);
    }

    /** The aggregates with parked events, the one parked longest first. */
    public List<String> aggregates() {
        return jdbc.queryForList(
                "select aggregate_id from outbox_parked_event group by aggregate_id order by min(parked_at), aggregate_id",
                String.class);
    }

    /** The aggregate's parked events in their order, locked until the transaction ends. */
    List<ParkedEvent> lockAggregate(String aggregateId) {
        return jdbc.query("select * from outbox_parked_event where aggregate_id = ? order by sequence_number for update",
                PARKED_EVENT, aggregateId);
    }

    void remove(Collection<String> eventIds) {
        jdbc.update("delete from outbox_parked_event where event_id = any(?)", (Object) eventIds.toArray(String[]::new));
    }
}
