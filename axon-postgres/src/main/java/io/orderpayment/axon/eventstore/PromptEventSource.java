package io.orderpayment.axon.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final NewEventSignal signal;

    public PromptEventSource(StreamableMessageSource<TrackedEventMessage<?>> store) {
        this.store = store;
        this.signal = new NewEventSignal(store, Duration.ofSeconds(1));
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken position) {
        return new PromptStream(store.openStream(position));
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
        private volatile Runnable callback;

        private PromptStream(BlockingStream<TrackedEventMessage<?>> events) {
            this.events = events;
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
            return events.nextAvailable();
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
