package io.orderpayment.api.order;

import java.math.BigDecimal;

/** One line of an order: how many of a product, at what unit price (in the order's currency). */
public record OrderLine(String productId, int quantity, BigDecimal unitPrice) {
}
