package io.orderpayment.axon.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Against Axon's own embedded event store (in memory): the store a pooled processor reads must
 * wake it when an event is stored, with the event already readable, or the processor would look
 * again only 500 ms (or, once it relies on being woken, a whole token claim interval) later.
 */
class PromptEventSourceTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final PromptEventSource source = new PromptEventSource(store);
    private final List<BlockingStream<TrackedEventMessage<?>>> streams = new ArrayList<>();

    @AfterEach
    void close() {
        streams.forEach(BlockingStream::close);
        source.close();
        store.shutDown();
    }

    @Test
    void aStreamIsWokenWhenAnEventIsStoredAndCanReadItThen() {
        store.publish(event("order-1", 0));
        BlockingStream<TrackedEventMessage<?>> stream = open();
        List<Object> readWhenWoken = new CopyOnWriteArrayList<>();

        assertThat(stream.setOnAvailableCallback(() -> readWhenWoken.add(readAll(stream)))).isTrue();
        store.publish(event("order-2", 0));

        await().atMost(Duration.ofSeconds(5)).until(() -> !readWhenWoken.isEmpty());
        assertThat(readWhenWoken.get(0)).isEqualTo(List.of("order-2"));
    }

    @Test
    void aClosedStreamIsNoLongerWokenAndTheOthersStillAre() {
        AtomicInteger closedWoken = new AtomicInteger();
        AtomicInteger openWoken = new AtomicInteger();
        BlockingStream<TrackedEventMessage<?>> closed = open();
        closed.setOnAvailableCallback(closedWoken::incrementAndGet);
        open().setOnAvailableCallback(openWoken::incrementAndGet);

        closed.close();
        store.publish(event("order-1", 0));
        await().atMost(Duration.ofSeconds(5)).until(() -> openWoken.get() >= 1);
        // A second wake-up means the round that announced the first event has finished.
        store.publish(event("order-2", 0));
        await().atMost(Duration.ofSeconds(5)).until(() -> openWoken.get() >= 2);

        assertThat(closedWoken).hasValue(0);
    }

    @Test
    void aWakeUpThatFailsDoesNotStopTheOthers() {
        AtomicInteger woken = new AtomicInteger();
        open().setOnAvailableCallback(() -> {
            throw new IllegalStateException("processor shutting down");
        });
        open().setOnAvailableCallback(woken::incrementAndGet);

        store.publish(event("order-1", 0));
        await().atMost(Duration.ofSeconds(5)).until(() -> woken.get() >= 1);
        store.publish(event("order-2", 0));

        await().atMost(Duration.ofSeconds(5)).until(() -> woken.get() >= 2);
    }

    private BlockingStream<TrackedEventMessage<?>> open() {
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createHeadToken());
        streams.add(stream);
        return stream;
    }

    private static List<String> readAll(BlockingStream<TrackedEventMessage<?>> stream) {
        List<String> aggregates = new ArrayList<>();
        try {
            while (stream.hasNextAvailable()) {
                aggregates.add(((DomainEventMessage<?>) stream.nextAvailable()).getAggregateIdentifier());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return aggregates;
    }

    private static GenericDomainEventMessage<String> event(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>("Order", aggregateId, sequence, "payload");
    }
}
