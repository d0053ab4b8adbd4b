package io.orderpayment.order.application;

import io.orderpayment.api.order.CancelOrder;
import io.orderpayment.api.order.CancellationReason;
import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Service;

/**
 * A customer's cancellation. Another instance may change the same order at that moment (its saga
 * asking for a payment, the customer cancelling there too): the event store takes one of the two
 * changes and refuses the other, and the cancellation is then tried again on top of the one that
 * won, rather than answered with an error. Within one instance Axon already takes an order's
 * commands one at a time.
 */
@Service
@RequiredArgsConstructor
public class OrderCancellation {

    static final int ATTEMPTS = 5;

    private final CommandGateway commandGateway;

    public void cancel(String orderId) {
        for (int attempt = 1; ; attempt++) {
            try {
                commandGateway.sendAndWait(new CancelOrder(orderId, CancellationReason.CUSTOMER_REQUEST));
                return;
            } catch (ConcurrencyException conflict) {
                if (attempt == ATTEMPTS) {
                    throw conflict;
                }
            }
        }
    }
}
