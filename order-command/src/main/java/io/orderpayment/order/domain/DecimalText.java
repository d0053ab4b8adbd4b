package io.orderpayment.order.domain;

import java.math.BigDecimal;

/**
 * A number as text, written out only when that is short. Comparing and scaling a {@link BigDecimal}
 * are cheap whatever its exponent; writing it out is not: 1e999999999 is one digit and an exponent,
 * its plain form a billion digits.
 */
public final class DecimalText {

    /** Longer than this, a number is written in scientific notation. */
    private static final int PLAIN_DIGITS = 40;

    private DecimalText() {
    }

    public static String of(BigDecimal number) {
        return Math.abs((long) number.scale()) + number.precision() <= PLAIN_DIGITS ? number.toPlainString() : number.toString();
    }
}
