package io.orderpayment.order.it;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jpa.JpaSagaStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** How Axon's data lands in PostgreSQL: JSON in bytea columns, no large objects, ordered indexes, deadlines that retry. */
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
