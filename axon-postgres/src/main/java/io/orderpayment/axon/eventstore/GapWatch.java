package io.orderpayment.axon.eventstore;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Follows the tokens of one event stream and tells which indexes the stream gave up on between one
 * event and the next: gaps the new token no longer keeps although no event filled them, and indexes
 * the reader jumped over without ever keeping them as gaps.
 */
final class GapWatch {

    /** Further back than this, a jump is a reader starting far behind, not a transaction in flight. */
    private static final long MAX_JUMP = 10_000;

    private GapAwareTrackingToken previous;

    GapWatch(TrackingToken start) {
        this.previous = gapAware(start);
    }

    SortedSet<Long> givenUpAt(TrackedEventMessage<?> event) {
        GapAwareTrackingToken current = gapAware(event.trackingToken());
        if (nextWithoutGaps(current)) {
            // Nearly every event: the one after the previous, no gap before or after it. Nothing to collect.
            previous = current;
            return Collections.emptySortedSet();
        }
        SortedSet<Long> givenUp = new TreeSet<>();
        if (previous != null && current != null && current.getIndex() >= previous.getIndex()) {
            givenUp.addAll(previous.getGaps());
            if (current.getIndex() > previous.getIndex()) {
                // A new event at the head: the indexes it jumped over count unless kept as gaps.
                for (long index = Math.max(previous.getIndex() + 1, current.getIndex() - MAX_JUMP);
                     index < current.getIndex(); index++) {
                    givenUp.add(index);
                }
            } else if (!givenUp.isEmpty()) {
                // An event filling a gap: the highest gap gone is its own index; the token truncates only below it.
                givenUp.removeAll(current.getGaps());
                if (!givenUp.isEmpty()) {
                    givenUp.remove(givenUp.last());
                }
            }
            givenUp.removeAll(current.getGaps());
        }
        if (current != null) {
            previous = current;
        }
        return givenUp;
    }

    private boolean nextWithoutGaps(GapAwareTrackingToken current) {
        return previous != null && current != null && current.getIndex() == previous.getIndex() + 1
                && previous.getGaps().isEmpty() && current.getGaps().isEmpty();
    }

    private static GapAwareTrackingToken gapAware(TrackingToken token) {
        return token != null && WrappedToken.unwrapLowerBound(token) instanceof GapAwareTrackingToken gapAware
                ? gapAware : null;
    }
}
