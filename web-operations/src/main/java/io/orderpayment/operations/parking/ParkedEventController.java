package io.orderpayment.operations.parking;

import io.orderpayment.outbox.PublishFailedException;
import io.orderpayment.outbox.parking.JdbcParkedEvents;
import io.orderpayment.outbox.parking.ParkedEvent;
import io.orderpayment.outbox.parking.ParkedEventRetry;
import io.orderpayment.outbox.parking.ParkedEventRetry.RetryReport;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

/** Events the forwarder parked because the broker refused them: which, why, and publishing them again. */
@RestController
@RequestMapping(value = "/admin/outbox/parked", produces = MediaType.APPLICATION_JSON_VALUE)
public class ParkedEventController {

    private final JdbcParkedEvents parked;
    private final ParkedEventRetry retry;

    public ParkedEventController(JdbcParkedEvents parked, ParkedEventRetry retry) {
        this.parked = parked;
        this.retry = retry;
    }

    @GetMapping
    public Parked list(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return new Parked(parked.count(), parked.list(limit));
    }

    /** Every parked aggregate, each on its own: one refused again stays parked, the others go. */
    @PostMapping("/retry")
    public RetryReport retryAll() {
        return retry.retryAll();
    }

    @PostMapping("/{aggregateId}/retry")
    public Retried retry(@PathVariable String aggregateId) {
        int published;
        try {
            published = retry.retry(aggregateId);
        } catch (PublishFailedException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "The broker did not take the parked events of '" + aggregateId + "'; they stay parked: " + e.getMessage());
        }
        if (published == 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No parked events of '" + aggregateId + "'");
        }
        return new Retried(aggregateId, published);
    }

    /** @param count all parked events; {@code events} the oldest of them */
    public record Parked(long count, List<ParkedEvent> events) {
    }

    public record Retried(String aggregateId, int published) {
    }
}
