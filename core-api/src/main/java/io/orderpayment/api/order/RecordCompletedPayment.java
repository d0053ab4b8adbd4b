package io.orderpayment.api.order;

import io.orderpayment.api.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Tell the order that the payment service charged {@code amount} for one of its payment attempts. */
public record RecordCompletedPayment(@TargetAggregateIdentifier String orderId, String paymentId, int attempt,
                                     Money amount) {
}
