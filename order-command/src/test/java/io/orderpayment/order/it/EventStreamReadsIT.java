package io.orderpayment.order.it;

import io.orderpayment.axon.eventstore.PostgresEventStorageEngine;
import io.orderpayment.axon.jdbc.AxonTables;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the event stream is read: the thread that follows the head does not query again right after
 * a read that ended short, unless a transaction of its store committed since; nothing committed
 * is missed. Each test reads with a store of its own, as another instance of the service would.
 */
class EventStreamReadsIT extends SharedOrderServiceIT {

    private static final boolean HEAD = true;
    private static final boolean BEHIND = false;

    @Autowired
    ConnectionProvider connectionProvider;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    PersistenceExceptionResolver persistenceExceptionResolver;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;
    @Autowired
    TransactionTemplate transactions;
    /** The service's own store: what it stores, this test's store learns of only by reading. */
    @Autowired
    EventStorageEngine anotherInstance;

    private PostgresEventStorageEngine store;

    @BeforeEach
    void ownStore() {
        store = new PostgresEventStorageEngine(JdbcEventStorageEngine.builder()
                .schema(AxonTables.EVENTS)
                .dataType(byte[].class)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .snapshotSerializer(serializer)
                .eventSerializer(serializer));
    }

    @Test
    void rightAfterAShortReadTheHeadIsAnsweredEmptyOnceUnlessThisStoreCommitted() {
        TrackingToken start = store.createHeadToken();
        String first = storeCommitted(store);
        List<TrackedEventMessage<?>> read = read(start, HEAD);
        assertThat(payloads(read)).contains(first);

        String elsewhere = storeCommitted(anotherInstance);
        TrackingToken end = read.get(read.size() - 1).trackingToken();
        assertThat(read(end, HEAD)).as("read again at once, with no commit of this store since").isEmpty();
        assertThat(payloads(read(end, HEAD))).as("the next look").contains(elsewhere);
    }

    @Test
    void anEventStoredBeforeAReadAndCommittedAfterItIsReadNext() {
        TrackingToken start = store.createHeadToken();
        String first = storeCommitted(store);
        String second = "event " + UUID.randomUUID();

        List<TrackedEventMessage<?>> read = transactions.execute(status -> {
            store.appendEvents(event(second));
            // Another thread reads meanwhile, on its own connection: the second event is not committed yet.
            return CompletableFuture.supplyAsync(() -> read(start, HEAD)).join();
        });
        assertThat(payloads(read)).contains(first).doesNotContain(second);

        assertThat(payloads(read(read.get(read.size() - 1).trackingToken(), HEAD))).contains(second);
    }

    @Test
    void aReaderBehindReadsBatchAfterBatchToTheEnd() {
        TrackingToken start = store.createHeadToken();
        String aggregateId = "aggregate-" + UUID.randomUUID();
        List<String> stored = IntStream.range(0, 250).mapToObj(sequence -> "event " + sequence).toList();
        transactions.executeWithoutResult(status -> store.appendEvents(IntStream.range(0, 250)
                .mapToObj(sequence -> new GenericDomainEventMessage<>("Test", aggregateId, sequence, stored.get(sequence)))
                .toList()));

        assertThat(payloads(read(start, BEHIND))).containsSubsequence(stored);
    }

    private List<TrackedEventMessage<?>> read(TrackingToken from, boolean head) {
        return store.readEvents(from, head).<TrackedEventMessage<?>>map(event -> event).toList();
    }

    private static List<Object> payloads(List<TrackedEventMessage<?>> events) {
        return events.stream().map(TrackedEventMessage::getPayload).map(Object.class::cast).toList();
    }

    private String storeCommitted(EventStorageEngine engine) {
        String payload = "event " + UUID.randomUUID();
        transactions.executeWithoutResult(status -> engine.appendEvents(event(payload)));
        return payload;
    }

    private static GenericDomainEventMessage<String> event(String payload) {
        return new GenericDomainEventMessage<>("Test", "aggregate-" + UUID.randomUUID(), 0, payload);
    }
}
