package io.orderpayment.order.application;

import com.sun.management.ThreadMXBean;
import io.orderpayment.api.order.OrderLine;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NewOrderTest {

    private static NewOrder order(String unitPrice) {
        return new NewOrder("customer-1", "pm-1", List.of(new OrderLine("book", 2, new BigDecimal(unitPrice))), "EUR");
    }

    @Test
    void aRetryWithTheSamePriceWrittenDifferentlyHasTheSameFingerprint() {
        assertThat(order("12.50").fingerprint()).isEqualTo(order("12.5").fingerprint()).isEqualTo(order("1.25e1").fingerprint());
        assertThat(order("12.51").fingerprint()).isNotEqualTo(order("12.5").fingerprint());
    }

    /** Keys claimed before an upgrade must still match their retries after it. */
    @Test
    void theFingerprintOfAnOrdinaryOrderStaysWhatItWas() {
        assertThat(order("100").fingerprint())
                .isEqualTo("67ad9dae9c5567dbb026df17f5d6b74ed251d7dd46fc56c661e7e644affb034b");
        assertThat(order("12.50").fingerprint())
                .isEqualTo("ccd6084411a22a87ef756e79fb984168d9e388e5502d7e542a89c74710049fe5");
    }

    /** 1e999999999 is one digit and an exponent; written out, a billion digits (a 500 under a small heap). */
    @Test
    void aPriceWithAHugeExponentIsFingerprintedWithoutWritingItOut() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        String huge = order("1e999999999").fingerprint();
        String tiny = order("1e-999999999").fingerprint();

        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(10_000_000);
        assertThat(huge).isNotEqualTo(tiny).isNotEqualTo(order("1e999999998").fingerprint());
    }
}
