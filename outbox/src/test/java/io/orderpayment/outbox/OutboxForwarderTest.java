package io.orderpayment.outbox;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The batch logic of the forwarder, with the broker and the cache replaced by in-memory fakes. */
class OutboxForwarderTest {

    private final RecordingPublisher publisher = new RecordingPublisher();
    private final InMemoryCache cache = new InMemoryCache();
    private final ForwarderStatistics statistics = new ForwarderStatistics();
    private final InMemoryParkedEvents parked = new InMemoryParkedEvents();
    private final OutboxForwarder forwarder = new OutboxForwarder(publisher, cache, parked, statistics, MAX_BATCH_ATTEMPTS);

    private static final int MAX_BATCH_ATTEMPTS = 3;

    @Test
    void publishesAWholeBatchOnceWhenItsUnitOfWorkCommits() {
        runBatch(events(3));

        assertThat(publisher.batches).hasSize(1);
        assertThat(publisher.batches.get(0)).extracting(event -> ((DomainEventMessage<?>) event).getSequenceNumber())
                .containsExactly(0L, 1L, 2L);
        assertThat(statistics.published()).isEqualTo(3);
    }

    @Test
    void skipsEventsTheCacheKnowsAsConfirmedAndRemembersTheOthers() {
        List<EventMessage<?>> events = events(3);
        cache.confirmed.add(events.get(1).getIdentifier());

        runBatch(events);

        assertThat(publisher.batches.get(0)).extracting(EventMessage::getIdentifier)
                .containsExactly(events.get(0).getIdentifier(), events.get(2).getIdentifier());
        assertThat(cache.confirmed).containsExactlyInAnyOrderElementsOf(events.stream().map(EventMessage::getIdentifier).toList());
        assertThat(statistics.skippedAsConfirmed()).isEqualTo(1);
    }

    @Test
    void aFailedPublishFailsTheBatchAndMarksNothingConfirmed() {
        publisher.failure = new PublishFailedException("broker said no");

        assertThatThrownBy(() -> runBatch(events(2))).hasRootCauseMessage("broker said no");

        assertThat(cache.confirmed).isEmpty();
        assertThat(statistics.failedBatches()).isEqualTo(1);
        assertThat(statistics.published()).isZero();
    }

    @Test
    void aBatchWhollyKnownAsConfirmedSendsNothing() {
        List<EventMessage<?>> events = events(2);
        events.forEach(event -> cache.confirmed.add(event.getIdentifier()));

        runBatch(events);

        assertThat(publisher.batches).singleElement().asList().isEmpty();
        assertThat(statistics.skippedAsConfirmed()).isEqualTo(2);
        assertThat(statistics.published()).isZero();
    }

    @Test
    void anEventTheBrokerRefusesIsParkedWithItsAggregatesLaterEventsOnceTheBatchFailedEnoughAndTheRestGoesOn() {
        EventMessage<?> refused = event("order-a", 0);
        List<EventMessage<?>> batch = List.of(refused, event("order-b", 0), event("order-a", 1), event("order-c", 0));
        publisher.refused.add(refused.getIdentifier());

        for (int attempt = 1; attempt <= MAX_BATCH_ATTEMPTS; attempt++) {
            assertThatThrownBy(() -> runBatch(batch)).hasRootCauseInstanceOf(EventRefusedException.class);
            assertThat(parked.events).isEmpty();
        }
        runBatch(batch);

        assertThat(parked.events).extracting(DomainEventMessage::getAggregateIdentifier, DomainEventMessage::getSequenceNumber)
                .containsExactly(tuple("order-a", 0L), tuple("order-a", 1L));
        assertThat(parked.reasons.get(0)).contains("too large");
        assertThat(publisher.batches).extracting(sent -> ((DomainEventMessage<?>) sent.get(0)).getAggregateIdentifier())
                .containsExactly("order-b", "order-c");
        assertThat(cache.confirmed).containsExactlyInAnyOrder(batch.get(1).getIdentifier(), batch.get(3).getIdentifier());
        assertThat(statistics.parked()).isEqualTo(2);
    }

    @Test
    void theLaterEventsOfAParkedAggregateAreParkedWithoutBeingSent() {
        parked.park((DomainEventMessage<?>) event("order-a", 0), "refused");
        List<EventMessage<?>> batch = List.of(event("order-a", 1), event("order-b", 0));

        runBatch(batch);

        assertThat(parked.events).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L);
        assertThat(publisher.batches).singleElement().asList().extracting(sent -> ((EventMessage<?>) sent).getIdentifier())
                .containsExactly(batch.get(1).getIdentifier());
    }

    @Test
    void aBrokerThatIsAwayRefusesNothingSoNothingIsParked() {
        publisher.failure = new PublishFailedException("connection refused");

        for (int attempt = 1; attempt <= MAX_BATCH_ATTEMPTS + 2; attempt++) {
            assertThatThrownBy(() -> runBatch(events(3))).hasRootCauseMessage("connection refused");
        }

        assertThat(parked.events).isEmpty();
        publisher.failure = null;
        runBatch(events(3));
        assertThat(statistics.published()).isEqualTo(3);
    }

    record SampleHappened(String name) {
    }

    private static EventMessage<?> event(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>("Sample", aggregateId, sequence, new SampleHappened(aggregateId + " " + sequence));
    }

    private static List<EventMessage<?>> events(int count) {
        return IntStream.range(0, count)
                .<EventMessage<?>>mapToObj(i -> new GenericDomainEventMessage<>("Sample", "sample-1", i,
                        new SampleHappened("event " + i)))
                .toList();
    }

    private void runBatch(List<? extends EventMessage<?>> events) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(events));
        try {
            unitOfWork.executeWithResult(() -> {
                forwarder.forward(unitOfWork.getMessage());
                return null;
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (unitOfWork.getExecutionResult().isExceptionResult()) {
            throw new IllegalStateException(unitOfWork.getExecutionResult().getExceptionResult());
        }
    }

    private static final class RecordingPublisher implements EventPublisher {
        final List<List<EventMessage<?>>> batches = new ArrayList<>();
        final Set<String> refused = new HashSet<>();
        RuntimeException failure;

        @Override
        public void publishConfirmed(List<? extends EventMessage<?>> events) {
            if (failure != null) {
                throw failure;
            }
            // As a broker that closes the channel: the batch fails whole, which of its events did it is not said.
            if (events.stream().anyMatch(event -> refused.contains(event.getIdentifier()))) {
                throw new EventRefusedException("message too large for the broker");
            }
            batches.add(List.copyOf(events));
        }
    }

    private static final class InMemoryParkedEvents implements ParkedEvents {
        final List<DomainEventMessage<?>> events = new ArrayList<>();
        final List<String> reasons = new ArrayList<>();

        @Override
        public Set<String> aggregatesAmong(Collection<String> aggregateIds) {
            Set<String> held = new HashSet<>();
            events.forEach(event -> held.add(event.getAggregateIdentifier()));
            held.retainAll(aggregateIds);
            return held;
        }

        @Override
        public void park(DomainEventMessage<?> event, String reason) {
            events.add(event);
            reasons.add(reason);
        }
    }

    private static final class InMemoryCache implements ConfirmedEventCache {
        final Set<String> confirmed = new HashSet<>();

        @Override
        public Set<String> confirmedAmong(Collection<String> eventIds) {
            Set<String> known = new HashSet<>(eventIds);
            known.retainAll(confirmed);
            return known;
        }

        @Override
        public void markConfirmed(Collection<String> eventIds) {
            confirmed.addAll(eventIds);
        }
    }
}
