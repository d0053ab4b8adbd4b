package io.orderpayment.axon.tokens;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The tokens of streaming processors as the token store holds them, read without claiming them, so
 * that segments claimed by other nodes count too.
 */
public class ProcessorTokens {

    private static final String SELECT = "select processor_name, segment, owner, timestamp, token, token_type from token_entry";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public ProcessorTokens(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    public List<StoredToken> all() {
        return jdbc.query(SELECT + " order by processor_name, segment", this::storedToken);
    }

    public List<StoredToken> of(String processor) {
        return jdbc.query(SELECT + " where processor_name = ? order by segment", this::storedToken, processor);
    }

    /**
     * Whether every segment in {@code tokens} (one processor's) has moved past the event at
     * {@code globalIndex} without keeping it as a gap to come back to: so the segment that owns the
     * event has either handled it or will never see it. False while the processor has no token.
     * <p>
     * A processor stores its token in the transaction of the work it did for the event, so whatever
     * is read after the tokens shows that work.
     */
    public static boolean allPassed(List<StoredToken> tokens, long globalIndex) {
        return !tokens.isEmpty() && tokens.stream().allMatch(token -> token.passed(globalIndex));
    }

    /**
     * Whether the segment of {@code tokens} (one processor's) that owns the aggregate's events has
     * moved past the event at {@code globalIndex} without keeping it as a gap: the segment has either
     * handled it or will never see it. Events of one aggregate belong to one segment (Axon's default
     * sequencing policy), whatever the other segments do. False while that segment has no token.
     */
    public static boolean passedByItsSegment(List<StoredToken> tokens, long globalIndex, String aggregateId) {
        int[] segmentIds = tokens.stream().mapToInt(StoredToken::segment).toArray();
        return tokens.stream()
                .filter(token -> Segment.computeSegment(token.segment(), segmentIds).matches(aggregateId))
                .findFirst()
                .map(token -> token.passed(globalIndex))
                .orElse(false);
    }

    private StoredToken storedToken(ResultSet row, int rowNumber) throws SQLException {
        byte[] token = row.getBytes("token");
        TrackingToken tracking = token == null ? null
                : serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, row.getString("token_type"), null));
        return new StoredToken(row.getString("processor_name"), row.getInt("segment"), tracking,
                row.getString("owner"), Instant.parse(row.getString("timestamp")));
    }

    /**
     * One segment's token.
     *
     * @param token null before the segment handled its first event
     * @param owner the node that has claimed the segment, null when nobody has
     */
    public record StoredToken(String processor, int segment, TrackingToken token, String owner, Instant claimedAt) {

        /** Global index of the last event the segment handled, -1 before the first. */
        public long position() {
            return token == null ? -1 : token.position().orElse(-1);
        }

        boolean passed(long globalIndex) {
            TrackingToken lowerBound = token == null ? null : WrappedToken.unwrapLowerBound(token);
            if (lowerBound instanceof GapAwareTrackingToken gapAware) {
                return gapAware.getIndex() >= globalIndex && !gapAware.getGaps().contains(globalIndex);
            }
            return lowerBound != null && lowerBound.position().orElse(-1) >= globalIndex;
        }
    }
}
