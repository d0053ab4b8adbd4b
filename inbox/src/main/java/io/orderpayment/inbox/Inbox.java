package io.orderpayment.inbox;

import io.orderpayment.axon.transaction.EventStoringTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * Does the work a consumed message asks for at most once: in one transaction, it records the
 * message's id in the inbox and, if no earlier delivery recorded it, does the work. The caller
 * acknowledges the message after this returns, that is after the commit; a crash before then
 * redelivers a message whose id is either not recorded (nothing was done) or recorded (the work
 * is done). A concurrent delivery of the same message waits for the first one's commit.
 * <p>
 * The transaction is begun by Axon's unit of work ({@link EventStoringTransaction}), so the events
 * that the work's commands store wake their readers only once they are committed.
 */
public class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final ProcessedMessages processedMessages;
    private final EventStoringTransaction transaction;

    public Inbox(ProcessedMessages processedMessages, EventStoringTransaction transaction) {
        this.processedMessages = processedMessages;
        this.transaction = transaction;
    }

    /**
     * Runs {@code work} in the transaction that records {@code messageId}, unless it is recorded already.
     *
     * @return true if the work was done now, false if this message had been processed before
     */
    public boolean once(String messageId, Runnable work) {
        boolean firstTime = transaction.execute(claimThen(messageId, work));
        if (!firstTime) {
            log.info("Message {} was processed before; acknowledging the duplicate", messageId);
        }
        return firstTime;
    }

    private Supplier<Boolean> claimThen(String messageId, Runnable work) {
        return () -> {
            if (!processedMessages.claim(messageId)) {
                return false;
            }
            work.run();
            return true;
        };
    }
}
