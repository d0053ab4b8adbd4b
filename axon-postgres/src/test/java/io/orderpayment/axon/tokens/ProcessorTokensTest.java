package io.orderpayment.axon.tokens;

import io.orderpayment.axon.tokens.ProcessorTokens.StoredToken;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessorTokensTest {

    private static final String AGGREGATE = "order-1";

    @Test
    void anEventIsPassedWhenEverySegmentIsBeyondItAndNoneKeepsItAsAGap() {
        assertThat(ProcessorTokens.allPassed(List.of(token(0, 9), token(1, 12)), 9)).isTrue();
        assertThat(ProcessorTokens.allPassed(List.of(token(0, 9), token(1, 12, 9L)), 9)).as("kept as a gap").isFalse();
        assertThat(ProcessorTokens.allPassed(List.of(token(0, 8), token(1, 12)), 9)).as("not reached").isFalse();
        assertThat(ProcessorTokens.allPassed(List.of(), 9)).as("no tokens yet").isFalse();
    }

    @Test
    void forItsSegmentOnlyThatSegmentsTokenCounts() {
        int owner = Segment.computeSegment(0, 0, 1).matches(AGGREGATE) ? 0 : 1;
        int other = 1 - owner;

        assertThat(ProcessorTokens.passedByItsSegment(List.of(token(owner, 12), token(other, 3)), 9, AGGREGATE)).isTrue();
        assertThat(ProcessorTokens.passedByItsSegment(List.of(token(owner, 3), token(other, 12)), 9, AGGREGATE)).isFalse();
        assertThat(ProcessorTokens.passedByItsSegment(List.of(token(owner, 12, 9L), token(other, 12)), 9, AGGREGATE)).isFalse();
    }

    private static StoredToken token(int segment, long index, Long... gaps) {
        return new StoredToken("processor", segment, GapAwareTrackingToken.newInstance(index, Set.of(gaps)), null, Instant.EPOCH);
    }
}
