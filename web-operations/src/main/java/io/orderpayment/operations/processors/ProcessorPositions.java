package io.orderpayment.operations.processors;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * Positions of every processor's segments, read from the token store (so segments claimed by other
 * nodes count too), and the head of the event store they chase.
 */
public class ProcessorPositions {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventStore eventStore;

    public ProcessorPositions(JdbcTemplate jdbc, Serializer serializer, EventStore eventStore) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.eventStore = eventStore;
    }

    /** Global index of the newest stored event, -1 for an empty store. */
    public long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    private static final String SELECT = "select processor_name, segment, owner, timestamp, token, token_type from token_entry";

    public List<SegmentPosition> segments() {
        return jdbc.query(SELECT + " order by processor_name, segment", this::segmentPosition);
    }

    /** One processor's segments: the health check and each scrape ask for one, and need not read the others' tokens. */
    public List<SegmentPosition> segments(String processor) {
        return jdbc.query(SELECT + " where processor_name = ? order by segment", this::segmentPosition, processor);
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

    private SegmentPosition segmentPosition(ResultSet row, int rowNumber) throws SQLException {
        return new SegmentPosition(row.getString("processor_name"), row.getInt("segment"),
                position(row.getBytes("token"), row.getString("token_type")), row.getString("owner"),
                Instant.parse(row.getString("timestamp")));
    }

    private long position(byte[] token, String tokenType) {
        if (token == null) {
            return -1;
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, tokenType, null));
        return tracking == null ? -1 : tracking.position().orElse(-1);
    }
}
