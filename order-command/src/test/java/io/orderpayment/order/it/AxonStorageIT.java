package io.orderpayment.order.it;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import io.orderpayment.api.order.OrderPlaced;
import io.orderpayment.axon.command.CachingCommandTargetResolver;
import io.orderpayment.order.config.SagaStoreQueries;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jpa.JpaSagaStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** How Axon's data lands in PostgreSQL and is read back: JSON in bytea columns, no large objects, ordered indexes, aggregates from their events, deadlines that retry. */
class AxonStorageIT extends SharedOrderServiceIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eventsAreStoredAsJsonInByteaAndNoLargeObjectIsCreated() {
        long largeObjectsBefore = jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Long.class);
        String orderId = http().placeOrder("customer-" + UUID.randomUUID());

        byte[] payload = jdbc.queryForObject("select payload from domain_event_entry where aggregate_identifier = ?",
                byte[].class, orderId);
        assertThat(new String(payload, StandardCharsets.UTF_8)).startsWith("{\"orderId\":\"" + orderId + "\"");
        assertThat(jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Long.class)).isEqualTo(largeObjectsBefore);
        assertThat(jdbc.queryForList("""
                select data_type from information_schema.columns
                where table_schema = current_schema() and column_name in ('payload', 'meta_data', 'token', 'serialized_saga', 'diagnostics')""",
                String.class)).isNotEmpty().containsOnly("bytea");
    }

    @Test
    void pendingDeadlinesRunAsTheTaskThatRetriesWithinSeconds(@Autowired List<Task<?>> tasks) {
        // db-scheduler runs a stored deadline by its task's name: exactly one task must answer to Axon's.
        assertThat(tasks).filteredOn(task -> task.getName().equals("AxonDeadline")).singleElement()
                .satisfies(task -> assertThat(task.getFailureHandler())
                        .isInstanceOf(FailureHandler.ExponentialBackoffFailureHandler.class));
    }

    @Test
    void eventsAndTokensAreStoredWithJdbcAndSagasWithJpa(@Autowired EventStorageEngine events,
                                                         @Autowired TokenStore tokens, @Autowired SagaStore<?> sagas) {
        assertThat(events).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(tokens).isInstanceOf(JdbcTokenStore.class);
        assertThat(sagas).isInstanceOf(JpaSagaStore.class);
    }

    @Test
    void commandsFindTheirAggregateWithTheResolverThatLooksUpAnnotationsOnce(@Autowired Configuration axon) {
        // Each aggregate's configuration asks for this component; Axon's own would reflect on every command.
        assertThat(axon.getComponent(CommandTargetResolver.class)).isInstanceOf(CachingCommandTargetResolver.class);
    }

    @Test
    void theSagaStoresQueriesFlushOnlyAtCommit(@Autowired EntityManager entityManager) {
        // Otherwise Hibernate checks every entity of the saga batch's transaction before each (ADR 0027).
        assertThat(SagaStoreQueries.NAMES).hasSize(7).allSatisfy(name ->
                assertThat(entityManager.createNamedQuery(name).getFlushMode()).as(name).isEqualTo(FlushModeType.COMMIT));
    }

    @Test
    void anOrderIsReadFromItsEventsEvenWhenASnapshotIsStored(@Autowired EventStore events) {
        String orderId = http().placeOrder("customer-" + UUID.randomUUID());
        // Nothing here takes snapshots, so none is looked for: a row like this one would be ignored.
        jdbc.update("""
                insert into snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier, payload,
                                                  payload_type, meta_data, time_stamp)
                values (?, 0, 'Order', ?, convert_to('"stale"', 'UTF8'), 'java.lang.String', convert_to('{}', 'UTF8'), ?)""",
                orderId, UUID.randomUUID().toString(), Instant.now().toString());

        assertThat(events.readEvents(orderId).asStream().map(Message::getPayload)).first().isInstanceOf(OrderPlaced.class);
    }

    @Test
    void anAggregateWithMoreEventsThanABatchIsReadWhole(@Autowired EventStorageEngine events) {
        String aggregateId = "aggregate-" + UUID.randomUUID();
        events.appendEvents(IntStream.range(0, 250)
                .mapToObj(sequence -> new GenericDomainEventMessage<>("Test", aggregateId, sequence, "event " + sequence))
                .toList());

        assertThat(events.readEvents(aggregateId).asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactlyElementsOf(LongStream.range(0, 250).boxed().toList());
    }

    @Test
    void theGlobalIndexIsHandedOutOneAtATime() {
        // Blocks of indexes per JVM would store the events of several instances out of commit order.
        assertThat(jdbc.queryForObject("""
                select increment_by from pg_sequences
                where schemaname = current_schema() and sequencename = 'domain_event_entry_seq'""", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select column_default from information_schema.columns
                where table_schema = current_schema() and table_name = 'domain_event_entry' and column_name = 'global_index'""",
                String.class)).isEqualTo("nextval('domain_event_entry_seq'::regclass)");
    }
}
