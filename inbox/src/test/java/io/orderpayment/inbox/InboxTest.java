package io.orderpayment.inbox;

import io.orderpayment.axon.transaction.EventStoringTransaction;
import org.axonframework.common.transaction.NoTransactionManager;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The work of a message is done once, however often it is delivered; work that fails is the caller's
 * to hear of. That its record then rolls back with it, so a redelivery does the work, shows on
 * PostgreSQL in PaymentProcessingIT (a failure injected after the gateway charged).
 */
class InboxTest {

    private final Set<String> recorded = new HashSet<>();
    private final Inbox inbox = new Inbox(recorded::add, new EventStoringTransaction(NoTransactionManager.instance()));
    private final AtomicInteger done = new AtomicInteger();

    @Test
    void theFirstDeliveryDoesTheWorkAndARedeliveryDoesNothing() {
        assertThat(inbox.once("m-1", done::incrementAndGet)).isTrue();
        assertThat(inbox.once("m-1", done::incrementAndGet)).isFalse();
        assertThat(inbox.once("m-2", done::incrementAndGet)).isTrue();

        assertThat(done).hasValue(2);
    }

    @Test
    void workThatFailsIsReportedToTheCaller() {
        assertThatThrownBy(() -> inbox.once("m-3", () -> {
            throw new IllegalStateException("gateway down");
        })).hasMessage("gateway down");
    }
}
