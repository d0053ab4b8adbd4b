package io.orderpayment.axon.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.TimeUnit;

/**
 * An event store as a source whose streams tell a pooled processor when new events are stored.
 * <p>
 * Axon's pooled processor, once it has caught up, waits for its stream's callback; on a stream
 * that offers none, like the embedded event store's, it looks again only every 500 ms. With four
 * such processors between {@code POST /orders} and CONFIRMED (the saga, and each service's
 * forwarder), that was a second on average spent waiting. See docs/adr/0009-prompt-event-source.md.
 */
public final class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PromptEventSource.class);

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final NewEventSignal signal;
    private final GapsGivenUp gapsGivenUp;

    public PromptEventSource(StreamableMessageSource<TrackedEventMessage<?>> store) {
        this(store, GapsGivenUp.IGNORED);
    }

    /** @param gapsGivenUp told of the indexes each stream stops waiting for (see {@link GapWatch}) */
    public PromptEventSource(StreamableMessageSource<TrackedEventMessage<?>> store, GapsGivenUp gapsGivenUp) {
        this.store = store;
        this.signal = new NewEventSignal(store, Duration.ofSeconds(1));
        this.gapsGivenUp = gapsGivenUp;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken position) {
        return new PromptStream(store.openStream(position), new GapWatch(position));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public void close() {
        signal.close();
    }

    private final class PromptStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> events;
        private final GapWatch gapWatch;
        private volatile Runnable callback;

        private PromptStream(BlockingStream<TrackedEventMessage<?>> events, GapWatch gapWatch) {
            this.events = events;
            this.gapWatch = gapWatch;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            signal.register(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return events.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return events.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            TrackedEventMessage<?> event = events.nextAvailable();
            SortedSet<Long> givenUp = gapWatch.givenUpAt(event);
            if (!givenUp.isEmpty()) {
                report(givenUp);
            }
            return event;
        }

        /** The reader goes on whatever happens here: the gaps are a lead for an audit, not part of the stream. */
        private void report(SortedSet<Long> givenUp) {
            try {
                gapsGivenUp.givenUp(givenUp);
            } catch (RuntimeException e) {
                log.warn("Could not record the global indexes {} the reader stopped waiting for: {}", givenUp, e.toString());
            }
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                signal.unregister(registered);
            }
            events.close();
        }
    }
}
