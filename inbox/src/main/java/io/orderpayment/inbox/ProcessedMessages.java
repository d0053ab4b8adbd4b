package io.orderpayment.inbox;

/** The record of which inbound messages have had their effect. */
public interface ProcessedMessages {

    /**
     * Records {@code messageId} in the current transaction; false if it was recorded before. A
     * concurrent claim of the same id waits until the first one commits or rolls back.
     */
    boolean claim(String messageId);
}
