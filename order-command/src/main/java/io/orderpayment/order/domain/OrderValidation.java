package io.orderpayment.order.domain;

import io.orderpayment.api.Money;
import io.orderpayment.api.order.OrderLine;
import io.orderpayment.api.order.PlaceOrder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** The rules an order must meet to be placed; collects every violation, not just the first. */
final class OrderValidation {

    private OrderValidation() {
    }

    /** @return the order's total, in the currency's minor units */
    static Money totalOf(PlaceOrder order) {
        List<String> violations = new ArrayList<>();
        if (isBlank(order.customerId())) {
            violations.add("customerId is required");
        }
        if (isBlank(order.paymentMethodId())) {
            violations.add("paymentMethodId is required");
        }
        Currency currency = currency(order.currency(), violations);
        if (order.items() == null || order.items().isEmpty()) {
            violations.add("an order needs at least one item");
        } else {
            for (int i = 0; i < order.items().size(); i++) {
                checkLine("items[" + i + "]", order.items().get(i), currency, violations);
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidOrderException(violations);
        }
        Money total = Money.zero(currency.getCurrencyCode());
        for (OrderLine line : order.items()) {
            total = total.plus(new Money(line.unitPrice(), currency.getCurrencyCode()).times(line.quantity()));
        }
        return new Money(total.amount().setScale(currency.getDefaultFractionDigits()), total.currency());
    }

    private static Currency currency(String code, List<String> violations) {
        if (isBlank(code)) {
            violations.add("currency is required");
            return null;
        }
        try {
            Currency currency = Currency.getInstance(code);
            if (currency.getDefaultFractionDigits() < 0) {
                violations.add("currency '" + code + "' is not a currency one can pay in");
                return null;
            }
            return currency;
        } catch (IllegalArgumentException e) {
            violations.add("currency '" + code + "' is not a known ISO 4217 code");
            return null;
        }
    }

    private static void checkLine(String where, OrderLine line, Currency currency, List<String> violations) {
        if (line == null) {
            violations.add(where + " is missing");
            return;
        }
        if (isBlank(line.productId())) {
            violations.add(where + ".productId is required");
        }
        if (line.quantity() <= 0) {
            violations.add(where + ".quantity must be positive, was " + line.quantity());
        }
        BigDecimal price = line.unitPrice();
        if (price == null) {
            violations.add(where + ".unitPrice is required");
        } else if (price.signum() < 0) {
            violations.add(where + ".unitPrice must not be negative, was " + price.toPlainString());
        } else if (currency != null && price.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            violations.add(where + ".unitPrice " + price.toPlainString() + " has more decimals than "
                    + currency.getCurrencyCode() + " allows (" + currency.getDefaultFractionDigits() + ")");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
