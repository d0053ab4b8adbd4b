package io.orderpayment.order.web;

class OrderNotFoundException extends RuntimeException {

    OrderNotFoundException(String orderId) {
        super("no order with id " + orderId);
    }
}
