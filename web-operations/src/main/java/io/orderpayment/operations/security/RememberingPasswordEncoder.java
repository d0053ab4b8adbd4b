package io.orderpayment.operations.security;

import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks a password with the slow encoder once, and a repeat of the credentials it last accepted by
 * their SHA-256 digest. Basic auth sends the password with every request and the console asks every
 * few seconds: bcrypt each time cost some 80 ms of CPU per request, up to a tenth of a core per open console.
 * A guess is never a repeat of accepted credentials, so it still pays the full bcrypt price.
 */
final class RememberingPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder slow;
    private volatile byte[] accepted;

    RememberingPasswordEncoder(PasswordEncoder slow) {
        this.slow = slow;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return slow.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        byte[] credentials = digest(encodedPassword + '\0' + rawPassword);
        byte[] last = accepted;
        if (last != null && MessageDigest.isEqual(last, credentials)) {
            return true;
        }
        boolean matches = slow.matches(rawPassword, encodedPassword);
        if (matches) {
            accepted = credentials;
        }
        return matches;
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
