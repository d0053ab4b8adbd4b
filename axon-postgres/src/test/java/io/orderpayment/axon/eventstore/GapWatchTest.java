package io.orderpayment.axon.eventstore;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GapWatchTest {

    @Test
    void eventsInIndexOrderGiveUpNothing() {
        GapWatch watch = new GapWatch(token(5));
        assertThat(watch.givenUpAt(event(token(6)))).isEmpty();
        assertThat(watch.givenUpAt(event(token(7)))).isEmpty();
    }

    @Test
    void aGapKeptAndThenFilledIsNotGivenUp() {
        GapWatch watch = new GapWatch(token(5));
        assertThat(watch.givenUpAt(event(token(7, 6L)))).isEmpty();
        assertThat(watch.givenUpAt(event(token(7)))).as("event 6 filled the gap").isEmpty();
    }

    @Test
    void aGapDroppedByANewerEventIsGivenUp() {
        GapWatch watch = new GapWatch(token(5));
        watch.givenUpAt(event(token(7, 6L)));
        assertThat(watch.givenUpAt(event(token(8)))).containsExactly(6L);
    }

    @Test
    void anIndexJumpedOverWithoutEverBeingAGapIsGivenUp() {
        GapWatch watch = new GapWatch(token(2));
        assertThat(watch.givenUpAt(event(token(4)))).as("event 4 was already older than the gap timeout").containsExactly(3L);
    }

    @Test
    void gapsBelowAFillingEventThatTheTokenTruncatedAreGivenUp() {
        GapWatch watch = new GapWatch(token(5, 2L, 3L, 4L));
        assertThat(watch.givenUpAt(event(token(5)))).as("event 4 filled its gap, old enough to truncate 2 and 3")
                .containsExactly(2L, 3L);
    }

    @Test
    void aStreamStartingOverFromAnEarlierPositionGivesUpNothing() {
        GapWatch watch = new GapWatch(token(9, 8L));
        assertThat(watch.givenUpAt(event(token(3)))).isEmpty();
    }

    private static GapAwareTrackingToken token(long index, Long... gaps) {
        return GapAwareTrackingToken.newInstance(index, Set.of(gaps));
    }

    private static TrackedEventMessage<?> event(GapAwareTrackingToken token) {
        return new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage("payload"));
    }
}
