package io.orderpayment.order.web;

import io.orderpayment.api.order.CancellationReason;
import io.orderpayment.api.order.OrderLine;
import io.orderpayment.api.order.OrderStatus;
import io.orderpayment.api.payment.PaymentFailureReason;
import io.orderpayment.order.query.OrderView;
import io.orderpayment.order.query.RefundStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

record OrderResponse(
        String orderId,
        String customerId,
        OrderStatus status,
        BigDecimal totalAmount,
        String currency,
        List<OrderLine> items,
        int paymentAttempts,
        CancellationReason cancellationReason,
        PaymentFailureReason lastPaymentFailure,
        RefundStatus refundStatus,
        Instant createdAt,
        Instant updatedAt) {

    static OrderResponse of(OrderView view) {
        return new OrderResponse(view.getOrderId(), view.getCustomerId(), view.getStatus(), view.getTotalAmount(),
                view.getCurrency(), view.getItems(), view.getPaymentAttempts(), view.getCancellationReason(),
                view.getLastPaymentFailure(), view.getRefundStatus(), view.getCreatedAt(), view.getUpdatedAt());
    }
}
