package io.orderpayment.operations.processors;

import java.time.Instant;

/**
 * Where one segment of a streaming processor stands, as its token in the token store says.
 *
 * @param position global index of the last event it handled, -1 before the first
 * @param owner    the node that has claimed the segment, null when nobody has
 */
public record SegmentPosition(String processor, int segment, long position, String owner, Instant claimedAt) {
}
