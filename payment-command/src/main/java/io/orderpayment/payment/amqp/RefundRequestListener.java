package io.orderpayment.payment.amqp;

import io.orderpayment.inbox.amqp.InboundMessages;
import io.orderpayment.api.order.RefundRequested;
import io.orderpayment.payment.application.RefundRequests;
import io.orderpayment.payment.domain.PaymentNotRefundableException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;

/**
 * Consumes refund requests. A refund the gateway could not make yet is delivered again; one that
 * can never be made (the payment is not COMPLETED) is acknowledged and logged, since no redelivery
 * would change that; one for a payment this service does not know goes to the dead letters, for an
 * operator (GET /admin/dead-letters).
 */
public class RefundRequestListener implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(RefundRequestListener.class);

    private final InboundMessages messages;
    private final RefundRequests refundRequests;

    RefundRequestListener(InboundMessages messages, RefundRequests refundRequests) {
        this.messages = messages;
        this.refundRequests = refundRequests;
    }

    @Override
    public void onMessage(Message message) {
        String eventId = messages.eventId(message);
        RefundRequested request = messages.body(message, RefundRequested.class);
        try {
            if (!refundRequests.process(eventId, request)) {
                log.info("Refund request {} for payment {} was processed before; acknowledging the duplicate",
                        eventId, request.paymentId());
            }
        } catch (PaymentNotRefundableException e) {
            log.warn("Refund request {} for order {} not carried out: {}", eventId, request.orderId(), e.getMessage());
        } catch (AggregateNotFoundException e) {
            // No redelivery creates the payment; whether money must go back is for an operator to find out.
            throw new AmqpRejectAndDontRequeueException("refund request " + eventId + " is for payment "
                    + request.paymentId() + ", which this service does not have", e);
        }
    }
}
