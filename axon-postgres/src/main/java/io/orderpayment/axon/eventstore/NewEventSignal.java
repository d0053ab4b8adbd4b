package io.orderpayment.axon.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One thread that follows the head of an event store and runs every registered callback as soon
 * as new events are there to read. Events this instance stores arrive at once (the embedded store
 * wakes its readers on commit); other instances' within the store's fetch delay.
 * <p>
 * A callback runs after the events are readable by every stream tailing the same store, because
 * this thread has read them from the same shared cache.
 */
final class NewEventSignal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NewEventSignal.class);
    /**
     * Axon's store looks for a new event before it takes the lock it then waits on, so an event
     * arriving in between does not wake it: the wait ends only at its timeout. Short waits bound
     * that delay; each costs a look at the store's cache in memory, not a query.
     */
    private static final int WAIT_MILLIS = 100;

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final Duration pauseAfterFailure;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private Thread follower;
    private volatile boolean closed;

    NewEventSignal(StreamableMessageSource<TrackedEventMessage<?>> store, Duration pauseAfterFailure) {
        this.store = store;
        this.pauseAfterFailure = pauseAfterFailure;
    }

    /**
     * From the first registration on, every event stored after it wakes the callbacks: the head is
     * taken here, before the caller relies on being woken.
     */
    void register(Runnable callback) {
        callbacks.add(callback);
        synchronized (this) {
            if (follower == null && !closed) {
                TrackingToken head = store.createHeadToken();
                follower = new Thread(() -> followFrom(head), "new-event-signal");
                follower.setDaemon(true);
                follower.start();
            }
        }
    }

    void unregister(Runnable callback) {
        callbacks.remove(callback);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (follower != null) {
            follower.interrupt();
        }
    }

    private void followFrom(TrackingToken head) {
        TrackingToken position = head;
        while (!closed) {
            try (BlockingStream<TrackedEventMessage<?>> events = store.openStream(position)) {
                while (!closed) {
                    if (events.hasNextAvailable(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                        while (events.hasNextAvailable()) {
                            position = events.nextAvailable().trackingToken();
                        }
                        callbacks.forEach(NewEventSignal::runQuietly);
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // Processors still find new events, only later: within their token claim interval.
                log.warn("Cannot follow the event store for new events; trying again in {}", pauseAfterFailure, e);
                if (!pause()) {
                    return;
                }
            }
        }
    }

    /** A processor shutting down may refuse to be woken; the others still are. */
    private static void runQuietly(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            log.debug("A processor could not be woken", e);
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(pauseAfterFailure.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
