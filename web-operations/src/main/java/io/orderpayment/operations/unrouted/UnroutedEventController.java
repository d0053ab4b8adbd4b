package io.orderpayment.operations.unrouted;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Unrouted events for operators: how many wait, what they are, and publishing them again. */
@RestController
@RequestMapping(value = "/admin/unrouted", produces = MediaType.APPLICATION_JSON_VALUE)
public class UnroutedEventController {

    private final UnroutedEvents unrouted;

    public UnroutedEventController(UnroutedEvents unrouted) {
        this.unrouted = unrouted;
    }

    @GetMapping
    public Summary summary() {
        return new Summary(unrouted.exchange(), unrouted.queue(), unrouted.count());
    }

    @GetMapping("/events")
    public List<UnroutedEvent> list(@RequestParam(defaultValue = "20") @Min(1) @Max(500) int limit) {
        return unrouted.peek(limit);
    }

    @PostMapping("/redrive")
    public Redriven redrive() {
        int redriven = unrouted.redrive();
        return new Redriven(redriven, unrouted.count());
    }

    /** @param events unrouted events waiting in {@code queue} */
    public record Summary(String exchange, String queue, long events) {
    }

    /** @param stillUnrouted events in the unrouted queue afterwards: no queue is bound for them yet, or new ones */
    public record Redriven(int redriven, long stillUnrouted) {
    }
}
