package io.orderpayment.operations.broker;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** RabbitMQ did not answer, or lacks the queue asked about: nothing was read or moved. */
public class BrokerUnavailableException extends ResponseStatusException {

    public BrokerUnavailableException(Exception cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "RabbitMQ: " + cause.getMessage(), cause);
    }
}
