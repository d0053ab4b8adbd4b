package io.orderpayment.payment.application;

import io.orderpayment.inbox.ProcessedMessages;
import io.orderpayment.api.order.RefundRequested;
import io.orderpayment.api.payment.RefundPayment;
import io.orderpayment.axon.transaction.EventStoringTransaction;
import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/** Gives the money of a completed payment back when its order asks, once. */
@Service
@RequiredArgsConstructor
public class RefundRequests {

    private final CommandGateway commandGateway;
    private final ProcessedMessages processedMessages;
    private final EventStoringTransaction transaction;

    /** @return false if this message had been processed before */
    public boolean process(String messageId, RefundRequested request) {
        return transaction.execute(() -> {
            if (!processedMessages.claim(messageId)) {
                return false;
            }
            commandGateway.sendAndWait(new RefundPayment(request.paymentId()));
            return true;
        });
    }
}
