package io.orderpayment.operations.deadletters;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** RabbitMQ did not answer, or lacks the dead-letter queue: nothing was read or moved. */
public class BrokerUnavailableException extends ResponseStatusException {

    public BrokerUnavailableException(Exception cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "RabbitMQ: " + cause.getMessage(), cause);
    }
}
