package io.orderpayment.operations.deadletters;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Dead letters for operators: how many wait per queue, what they are, and sending them back. */
@RestController
@RequestMapping(value = "/admin/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
public class DeadLetterController {

    private final DeadLetterQueues deadLetters;

    public DeadLetterController(DeadLetterQueues deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    public List<QueueDeadLetters> queues() {
        return deadLetters.queues().stream()
                .map(queue -> new QueueDeadLetters(queue, deadLetters.count(queue)))
                .toList();
    }

    @GetMapping("/{queue}")
    public List<DeadLetter> list(@PathVariable String queue,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(500) int limit) {
        return deadLetters.peek(queue, limit);
    }

    /** All the queue's dead letters, or with {@code messageId} the one with that id. */
    @PostMapping("/{queue}/redrive")
    public Redriven redrive(@PathVariable String queue, @RequestParam(required = false) @Size(min = 1, max = 255) String messageId) {
        if (messageId != null) {
            deadLetters.redrive(queue, messageId);
            return new Redriven(queue, 1);
        }
        return new Redriven(queue, deadLetters.redrive(queue));
    }

    public record QueueDeadLetters(String queue, long deadLetters) {
    }

    public record Redriven(String queue, int redriven) {
    }
}
