package io.orderpayment.order.domain;

import io.orderpayment.api.Money;
import io.orderpayment.api.order.OrderLine;
import io.orderpayment.api.order.PlaceOrder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The rules an order must meet to be placed; collects every violation, not just the first. The
 * bounds are checked before any arithmetic, and keep every total within what the store and the read
 * model hold: at most 100 items × 10,000 × 1,000,000 = 10^12.
 */
final class OrderValidation {

    static final int MAX_ITEMS = 100;
    static final int MAX_QUANTITY = 10_000;
    static final BigDecimal MAX_UNIT_PRICE = BigDecimal.valueOf(1_000_000);

    private OrderValidation() {
    }

    /** An order that meets the rules: its lines, amounts in the currency's minor units, and its total. */
    record ValidOrder(List<OrderLine> items, Money total) {
    }

    static ValidOrder validate(PlaceOrder order) {
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
        } else if (order.items().size() > MAX_ITEMS) {
            violations.add("items: an order has at most " + MAX_ITEMS + " items, not " + order.items().size());
        } else {
            for (int i = 0; i < order.items().size(); i++) {
                checkLine("items[" + i + "]", order.items().get(i), currency, violations);
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidOrderException(violations);
        }
        int digits = currency.getDefaultFractionDigits();
        // Stripped first: 0E-999999999 is zero, but set to two decimals as it stands it is a billion-digit division.
        List<OrderLine> items = order.items().stream()
                .map(line -> new OrderLine(line.productId(), line.quantity(), line.unitPrice().stripTrailingZeros().setScale(digits)))
                .toList();
        Money total = Money.zero(currency.getCurrencyCode());
        for (OrderLine line : items) {
            total = total.plus(new Money(line.unitPrice(), currency.getCurrencyCode()).times(line.quantity()));
        }
        return new ValidOrder(items, new Money(total.amount().setScale(digits), total.currency()));
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
        } else if (line.quantity() > MAX_QUANTITY) {
            violations.add(where + ".quantity must be at most " + MAX_QUANTITY + ", was " + line.quantity());
        }
        BigDecimal price = line.unitPrice();
        if (price == null) {
            violations.add(where + ".unitPrice is required");
        } else if (price.signum() < 0) {
            violations.add(where + ".unitPrice must not be negative, was " + DecimalText.of(price));
        } else if (price.compareTo(MAX_UNIT_PRICE) > 0) {
            violations.add(where + ".unitPrice must be at most " + MAX_UNIT_PRICE + ", was " + DecimalText.of(price));
        } else if (currency != null && price.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            violations.add(where + ".unitPrice " + DecimalText.of(price) + " has more decimals than "
                    + currency.getCurrencyCode() + " allows (" + currency.getDefaultFractionDigits() + ")");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
