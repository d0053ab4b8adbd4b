package io.orderpayment.outbox.balancing;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Divides the forwarder's segments among the running instances. Axon lets whoever comes first
 * claim every segment; without help a second instance stays idle. Each instance records a
 * heartbeat, counts the live instances, and releases the segments it holds beyond its fair share,
 * for a while, so that another instance claims them. If an instance dies, its heartbeat stops,
 * the others' fair share grows, and they claim what it held once its claims time out.
 */
public class SegmentBalancer implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final Supplier<StreamingEventProcessor> processor;
    private final JdbcTemplate database;
    private final String instanceId;
    private final Duration interval;

    public SegmentBalancer(Supplier<StreamingEventProcessor> processor, JdbcTemplate database, String instanceId,
                           Duration interval) {
        this.processor = processor;
        this.database = database;
        this.instanceId = instanceId;
        this.interval = interval;
    }

    @Override
    public void run() {
        try {
            balance();
        } catch (RuntimeException e) {
            log.warn("Segment balancing skipped this round: {}", e.getMessage());
        }
    }

    private void balance() {
        database.update("""
                insert into outbox_instance (instance_id, last_seen) values (?, now())
                on conflict (instance_id) do update set last_seen = now()""", instanceId);
        long liveWithin = interval.toMillis() * 3;
        int live = database.queryForObject(
                "select count(*) from outbox_instance where last_seen > now() - make_interval(secs => ?)",
                Integer.class, liveWithin / 1000.0);
        database.update("delete from outbox_instance where last_seen < now() - make_interval(secs => ?)",
                liveWithin * 10 / 1000.0);
        StreamingEventProcessor forwarder = processor.get();
        int segments = database.queryForObject(
                "select count(*) from token_entry where processor_name = ?", Integer.class, forwarder.getName());
        if (live == 0 || segments == 0) {
            return;
        }
        int fairShare = (segments + live - 1) / live;
        List<Integer> held = forwarder.processingStatus().keySet().stream().sorted(Comparator.reverseOrder()).toList();
        for (int segment : held.subList(0, Math.max(0, held.size() - fairShare))) {
            log.info("Releasing segment {} of {}: {} instances share {} segments", segment, forwarder.getName(),
                    live, segments);
            forwarder.releaseSegment(segment, interval.toMillis() * 2, TimeUnit.MILLISECONDS);
        }
    }
}
