package io.orderpayment.order.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderpayment.outbox.OutboxForwarder;
import org.axonframework.eventhandling.Segment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The forwarder's tokens as they are stored: what a crash would leave it to resume from. */
public final class ForwarderTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ForwarderTokens() {
    }

    /** Stored position per segment; -1 where the segment has not processed anything yet. */
    public static Map<Segment, Long> positions(JdbcTemplate database) {
        List<Map<String, Object>> rows = database.queryForList(
                "select segment, token from token_entry where processor_name = ?", OutboxForwarder.PROCESSING_GROUP);
        int[] ids = rows.stream().mapToInt(row -> (Integer) row.get("segment")).toArray();
        return rows.stream().collect(Collectors.toMap(
                row -> Segment.computeSegment((Integer) row.get("segment"), ids),
                row -> position((byte[]) row.get("token"))));
    }

    /** The global index of each stored event of these aggregates. */
    public static Map<String, Long> globalIndexes(JdbcTemplate database, Collection<String> aggregateIds) {
        return database.queryForList("select aggregate_identifier, global_index from domain_event_entry")
                .stream()
                .filter(row -> aggregateIds.contains((String) row.get("aggregate_identifier")))
                .collect(Collectors.toMap(row -> (String) row.get("aggregate_identifier"),
                        row -> ((Number) row.get("global_index")).longValue(), Math::min));
    }

    /** The largest global index in the store. */
    public static long head(JdbcTemplate database) {
        Long head = database.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    private static long position(byte[] token) {
        if (token == null) {
            return -1;
        }
        try {
            return position(JSON.readTree(new String(token, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A gap-aware token has an index; a replay token wraps the token it has reached so far. */
    private static long position(JsonNode token) {
        if (token == null || token.isNull()) {
            return -1;
        }
        if (token.has("index")) {
            return token.get("index").asLong();
        }
        if (token.has("currentToken")) {
            return position(token.get("currentToken"));
        }
        throw new IllegalStateException("unknown token shape: " + token);
    }
}
