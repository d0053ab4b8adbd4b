package io.orderpayment.saga;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentPolicyTest {

    private final PaymentPolicy policy = new PaymentPolicy(3, Duration.ofMinutes(15), Duration.ofSeconds(2));

    @Test
    void thePauseStartsAtTheBackoffAndDoubles() {
        assertThat(policy.pauseBefore(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.pauseBefore(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.pauseBefore(4)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void aHugeAttemptNumberDoesNotOverflowThePause() {
        assertThat(policy.pauseBefore(1000)).isPositive();
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new PaymentPolicy(0, Duration.ofMinutes(1), Duration.ofSeconds(1)))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new PaymentPolicy(3, Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("paymentDeadline");
    }
}
