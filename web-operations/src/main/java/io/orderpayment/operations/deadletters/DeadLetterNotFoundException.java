package io.orderpayment.operations.deadletters;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A 404 problem: no dead letter with this message id waits in the queue (redriven already, say). */
public class DeadLetterNotFoundException extends ResponseStatusException {

    public DeadLetterNotFoundException(String queue, String messageId) {
        super(HttpStatus.NOT_FOUND, "No dead letter with message id '" + messageId + "' waits for queue '" + queue + "'");
    }
}
