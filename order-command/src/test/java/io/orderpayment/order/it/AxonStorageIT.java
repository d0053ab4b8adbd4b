package io.orderpayment.order.it;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import jakarta.persistence.EntityManagerFactory;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.id.enhanced.SequenceStyleGenerator;
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
    @Autowired
    EntityManagerFactory entityManagerFactory;

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
    void theGlobalIndexIsHandedOutOneAtATime() {
        var generator = entityManagerFactory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel()
                .getEntityDescriptor(DomainEventEntry.class).getGenerator();

        assertThat(generator).isInstanceOf(SequenceStyleGenerator.class);
        assertThat(((SequenceStyleGenerator) generator).getDatabaseStructure().getIncrementSize()).isEqualTo(1);
    }
}
