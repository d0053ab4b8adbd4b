package io.orderpayment.payment.application;

import io.orderpayment.api.order.RefundRequested;
import io.orderpayment.api.payment.RefundPayment;
import io.orderpayment.inbox.Inbox;
import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/** Gives the money of a completed payment back when its order asks, once ({@link Inbox}). */
@Service
@RequiredArgsConstructor
public class RefundRequests {

    private final CommandGateway commandGateway;
    private final Inbox inbox;

    public void process(String messageId, RefundRequested request) {
        inbox.once(messageId, () -> commandGateway.sendAndWait(new RefundPayment(request.paymentId())));
    }
}
