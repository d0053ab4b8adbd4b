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

/** The batch logic of the forwarder, with the broker and the cache replaced by in-memory fakes. */
class OutboxForwarderTest {

    private final RecordingPublisher publisher = new RecordingPublisher();
    private final InMemoryCache cache = new InMemoryCache();
    private final ForwarderStatistics statistics = new ForwarderStatistics();
    private final OutboxForwarder forwarder = new OutboxForwarder(publisher, cache, statistics);

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

    record SampleHappened(String name) {
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
        RuntimeException failure;

        @Override
        public void publishConfirmed(List<? extends EventMessage<?>> events) {
            if (failure != null) {
                throw failure;
            }
            batches.add(List.copyOf(events));
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
