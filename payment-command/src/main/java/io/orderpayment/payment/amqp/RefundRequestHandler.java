package io.orderpayment.payment.amqp;

import io.orderpayment.api.order.RefundRequested;
import io.orderpayment.inbox.amqp.InboundEvent;
import io.orderpayment.payment.application.RefundRequests;
import io.orderpayment.payment.domain.PaymentNotRefundableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * Carries out refund requests. A refund the gateway could not make yet is delivered again; one that
 * can never be made (the payment is not COMPLETED) is acknowledged and logged, since no redelivery
 * would change that; one for a payment this service does not know goes to the dead letters, for an
 * operator (GET /admin/dead-letters).
 */
class RefundRequestHandler implements Consumer<InboundEvent<RefundRequested>> {

    private static final Logger log = LoggerFactory.getLogger(RefundRequestHandler.class);

    private final RefundRequests refundRequests;

    RefundRequestHandler(RefundRequests refundRequests) {
        this.refundRequests = refundRequests;
    }

    @Override
    public void accept(InboundEvent<RefundRequested> request) {
        try {
            refundRequests.process(request.id(), request.payload());
        } catch (PaymentNotRefundableException e) {
            log.warn("Refund request {} not carried out: {}", request.id(), e.getMessage());
        }
    }
}
