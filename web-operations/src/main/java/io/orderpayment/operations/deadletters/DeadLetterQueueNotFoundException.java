package io.orderpayment.operations.deadletters;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A 404 problem that names the queues that do have dead letters. */
public class DeadLetterQueueNotFoundException extends ResponseStatusException {

    public DeadLetterQueueNotFoundException(String queue, Iterable<String> known) {
        super(HttpStatus.NOT_FOUND, "No dead letters are kept for queue '" + queue + "'; queues with dead letters: "
                + String.join(", ", known));
    }
}
