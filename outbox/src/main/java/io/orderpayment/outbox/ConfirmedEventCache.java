package io.orderpayment.outbox;

import java.util.Collection;
import java.util.Set;

/**
 * Remembers which events the broker already confirmed, so that a replay does not send them again.
 * A cache only: implementations answer "none known" rather than fail, and forwarding stays
 * at least once whatever they answer.
 */
public interface ConfirmedEventCache {

    /** The ids among {@code eventIds} known to be confirmed; empty when the cache cannot tell. */
    Set<String> confirmedAmong(Collection<String> eventIds);

    /** Records that these events were confirmed. Never throws. */
    void markConfirmed(Collection<String> eventIds);
}
