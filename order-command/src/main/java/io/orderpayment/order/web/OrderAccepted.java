package io.orderpayment.order.web;

import io.orderpayment.api.order.OrderStatus;

/** The 202 answer to placing or cancelling an order. */
record OrderAccepted(String orderId, OrderStatus status) {
}
