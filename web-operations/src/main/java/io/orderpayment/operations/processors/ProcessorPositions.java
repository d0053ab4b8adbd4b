package io.orderpayment.operations.processors;

import io.orderpayment.axon.tokens.ProcessorTokens;
import io.orderpayment.axon.tokens.ProcessorTokens.StoredToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.List;
import java.util.OptionalLong;

/**
 * Positions of every processor's segments, read from the token store (so segments claimed by other
 * nodes count too), and the head of the event store they chase.
 */
public class ProcessorPositions {

    private final ProcessorTokens tokens;
    private final EventStore eventStore;

    public ProcessorPositions(ProcessorTokens tokens, EventStore eventStore) {
        this.tokens = tokens;
        this.eventStore = eventStore;
    }

    /** Global index of the newest stored event, -1 for an empty store. */
    public long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    public List<SegmentPosition> segments() {
        return tokens.all().stream().map(ProcessorPositions::segmentPosition).toList();
    }

    /** One processor's segments: the health check and each scrape ask for one, and need not read the others' tokens. */
    public List<SegmentPosition> segments(String processor) {
        return tokens.of(processor).stream().map(ProcessorPositions::segmentPosition).toList();
    }

    /** Events stored but not yet handled by the processor's slowest segment; empty while it has no token. */
    public OptionalLong lag(String processor) {
        List<SegmentPosition> segments = segments(processor);
        if (segments.isEmpty()) {
            return OptionalLong.empty();
        }
        long slowest = segments.stream().mapToLong(SegmentPosition::position).min().orElseThrow();
        return OptionalLong.of(Math.max(0, head() - slowest));
    }

    private static SegmentPosition segmentPosition(StoredToken token) {
        return new SegmentPosition(token.processor(), token.segment(), token.position(), token.owner(), token.claimedAt());
    }
}
