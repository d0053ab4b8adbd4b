package io.orderpayment.operations.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class RememberingPasswordEncoderTest {

    private final CountingEncoder bcrypt = new CountingEncoder();
    private final RememberingPasswordEncoder encoder = new RememberingPasswordEncoder(bcrypt);
    private final String stored = encoder.encode("s3cret");

    @Test
    void theOperatorsPasswordIsCheckedSlowlyOnceAndThenRecognised() {
        for (int request = 0; request < 5; request++) {
            assertThat(encoder.matches("s3cret", stored)).isTrue();
        }

        assertThat(bcrypt.checks).isEqualTo(1);
    }

    @Test
    void everyGuessPaysTheSlowCheckAndFails() {
        assertThat(encoder.matches("s3cret", stored)).isTrue();

        for (String guess : new String[]{"s3cre", "s3crett", "S3cret", "", "s3cret\0"}) {
            assertThat(encoder.matches(guess, stored)).as(guess).isFalse();
        }

        assertThat(bcrypt.checks).isEqualTo(6);
    }

    @Test
    void theRememberedPasswordDoesNotOpenAnotherAccount() {
        String otherAccount = encoder.encode("other");
        assertThat(encoder.matches("s3cret", stored)).isTrue();

        assertThat(encoder.matches("s3cret", otherAccount)).isFalse();
    }

    /** Real bcrypt, at its lowest cost so the test runs fast, counting its checks. */
    private static final class CountingEncoder implements PasswordEncoder {
        private final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        private int checks;

        @Override
        public String encode(CharSequence rawPassword) {
            return bcrypt.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checks++;
            return bcrypt.matches(rawPassword, encodedPassword);
        }
    }
}
