package io.orderpayment.inbox.amqp;

import org.slf4j.MDC;

import java.util.regex.Pattern;

/**
 * The order id and correlation id of the message being consumed, in the logging context while its
 * listener runs, so that the listener's own lines (a dead-lettering, a duplicate acknowledged) say
 * which order they concern; the command handlers it calls set their own and restore these afterwards.
 */
public final class InboundLogContext implements AutoCloseable {

    public static final String ORDER_ID = "orderId";
    public static final String CORRELATION_ID = "correlationId";

    private static final Pattern LOGGABLE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private InboundLogContext() {
    }

    /** Puts {@code correlationId} in the logging context until {@link #close()}. */
    static InboundLogContext open(Object correlationId) {
        put(CORRELATION_ID, correlationId == null ? null : correlationId.toString());
        return new InboundLogContext();
    }

    void order(String orderId) {
        put(ORDER_ID, orderId);
    }

    @Override
    public void close() {
        MDC.remove(ORDER_ID);
        MDC.remove(CORRELATION_ID);
    }

    /**
     * {@code id} if it looks like an id, else null. Ids in the logging context come from messages and
     * requests, that is from others, and one with a line break in it would forge log lines.
     */
    public static String loggableId(String id) {
        return id != null && LOGGABLE_ID.matcher(id).matches() ? id : null;
    }

    private static void put(String key, String value) {
        String loggable = loggableId(value);
        if (loggable != null) {
            MDC.put(key, loggable);
        }
    }
}
