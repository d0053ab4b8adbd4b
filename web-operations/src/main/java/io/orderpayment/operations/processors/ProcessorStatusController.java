package io.orderpayment.operations.processors;

import io.orderpayment.outbox.ForwarderStatistics;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every event processor of this service: for a streaming one, each segment's position against the
 * head of the event store and the node that claimed it (from the token store, so other nodes'
 * segments show too); whether it runs here, and whether it is stuck on an error here.
 */
@RestController
public class ProcessorStatusController {

    private final ProcessorPositions positions;
    private final EventProcessingConfiguration processing;
    private final ForwarderStatistics forwarder;

    public ProcessorStatusController(ProcessorPositions positions, EventProcessingConfiguration processing,
                                     ForwarderStatistics forwarder) {
        this.positions = positions;
        this.processing = processing;
        this.forwarder = forwarder;
    }

    @GetMapping("/admin/processors")
    public ProcessorsStatus processors() {
        long head = positions.head();
        List<SegmentPosition> segments = positions.segments();
        List<ProcessorStatus> processors = processing.eventProcessors().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> status(entry.getKey(), entry.getValue(), head, segments))
                .toList();
        return new ProcessorsStatus(head, processors, new ForwarderState(forwarder.published(), forwarder.failedBatches(),
                forwarder.lastFailure().orElse(null)));
    }

    private static ProcessorStatus status(String name, EventProcessor processor, long head, List<SegmentPosition> all) {
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            // A subscribing processor handles events in the publishing transaction: it has no position to lag behind.
            return new ProcessorStatus(name, "subscribing", processor.isRunning(), processor.isError(), 0, List.of());
        }
        Set<Integer> claimedHere = streaming.processingStatus().keySet();
        List<SegmentStatus> segments = all.stream()
                .filter(segment -> segment.processor().equals(name))
                .map(segment -> new SegmentStatus(segment.segment(), segment.position(),
                        Math.max(0, head - segment.position()), segment.owner(), segment.claimedAt(),
                        claimedHere.contains(segment.segment())))
                .toList();
        long behind = segments.stream().mapToLong(SegmentStatus::behind).max().orElse(0);
        return new ProcessorStatus(name, "streaming", streaming.isRunning(), streaming.isError(), behind, segments);
    }

    /**
     * @param head      global index of the newest event in this service's store
     * @param forwarder what the outbox forwarder did on this node since it started
     */
    public record ProcessorsStatus(long head, List<ProcessorStatus> processors, ForwarderState forwarder) {
    }

    /** @param lastFailure when and why its last batch failed on this node, null if none did */
    public record ForwarderState(long forwarded, long failedBatches, String lastFailure) {
    }

    /**
     * @param runningHere whether this node runs the processor
     * @param errorHere   whether it is backing off after a failed batch on this node
     * @param behind      events its slowest segment has yet to handle
     */
    public record ProcessorStatus(String name, String mode, boolean runningHere, boolean errorHere, long behind,
                                  List<SegmentStatus> segments) {
    }

    /** @param claimedHere whether this node works on the segment now */
    public record SegmentStatus(int segment, long position, long behind, String owner, Instant claimedAt,
                                boolean claimedHere) {
    }
}
