package io.orderpayment.operations.deadletters;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The queue did not take a dead letter back (it no longer exists, say): the letter stays where it was. */
public class RedriveRefusedException extends ResponseStatusException {

    public RedriveRefusedException(String queue, int redriven, String deadLetterQueue) {
        super(HttpStatus.CONFLICT, "Queue '" + queue + "' did not take a dead letter back (does it exist?); "
                + redriven + " were sent back before that, the rest wait in '" + deadLetterQueue + "'");
    }
}
