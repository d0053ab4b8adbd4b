package io.orderpayment.payment.application;

import io.orderpayment.payment.domain.PaymentGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Tries a call again while the gateway answers with a transient failure, a bounded number of
 * times with doubling pauses; the idempotency key makes every retry safe. What is still transient
 * after the last try is the answer. A charge is not tried again once its deadline would have passed
 * by the next try: the service never starts a charge after the payment's deadline.
 */
public class RetryingPaymentGateway implements PaymentGateway {

    private static final Logger log = LoggerFactory.getLogger(RetryingPaymentGateway.class);

    private final PaymentGateway gateway;
    private final int tries;
    private final Duration firstPause;
    private final Clock clock;

    public RetryingPaymentGateway(PaymentGateway gateway, int tries, Duration firstPause, Clock clock) {
        if (tries < 1) {
            throw new IllegalArgumentException("tries must be at least 1, not " + tries);
        }
        this.gateway = gateway;
        this.tries = tries;
        this.firstPause = firstPause;
        this.clock = clock;
    }

    @Override
    public ChargeResult charge(Charge charge) {
        return withRetries(() -> gateway.charge(charge), result -> result.outcome().isTransient(), charge.idempotencyKey(),
                charge.notAfter());
    }

    @Override
    public RefundResult refund(Refund refund) {
        return withRetries(() -> gateway.refund(refund), result -> !result.refunded() && result.failure().isTransient(),
                refund.idempotencyKey(), Instant.MAX);
    }

    @Override
    public Optional<String> approvedCharge(String idempotencyKey) {
        return gateway.approvedCharge(idempotencyKey);
    }

    private <T> T withRetries(Supplier<T> call, Predicate<T> transientFailure, String idempotencyKey, Instant notAfter) {
        Duration pause = firstPause;
        T result = call.get();
        for (int tried = 1; tried < tries && transientFailure.test(result); tried++) {
            if (clock.instant().plus(pause).isAfter(notAfter)) {
                log.info("Gateway call {} failed transiently ({}); no further try, its deadline {} comes first",
                        idempotencyKey, result, notAfter);
                break;
            }
            log.info("Gateway call {} failed transiently ({}); try {} of {} in {} ms",
                    idempotencyKey, result, tried + 1, tries, pause.toMillis());
            pauseFor(pause);
            pause = pause.multipliedBy(2);
            result = call.get();
        }
        return result;
    }

    private static void pauseFor(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between gateway retries", e);
        }
    }
}
