package io.orderpayment.operations.broker;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The destination did not take a message back (it no longer exists, say): the message stays where it was. */
public class RedriveRefusedException extends ResponseStatusException {

    public RedriveRefusedException(String destination, int redriven, String source) {
        super(HttpStatus.CONFLICT, "'" + destination + "' did not take a message back (does it exist?); "
                + redriven + " were sent back before that, the rest wait in '" + source + "'");
    }
}
