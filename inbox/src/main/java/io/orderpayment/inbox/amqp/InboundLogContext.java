package io.orderpayment.inbox.amqp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.orderpayment.outbox.amqp.EventHeaders;
import org.slf4j.MDC;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Puts the order id (the body's top-level {@code orderId}) and the correlation id (header) of the
 * message being consumed into the logging context while its listener runs, so that the listener's
 * own lines, a dead-lettering or a duplicate acknowledged, say which order they concern; the
 * command handlers it calls set their own and restore these afterwards.
 */
public final class InboundLogContext implements MessageListener {

    public static final String ORDER_ID = "orderId";
    public static final String CORRELATION_ID = "correlationId";

    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern LOGGABLE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final MessageListener listener;

    public InboundLogContext(MessageListener listener) {
        this.listener = listener;
    }

    @Override
    public void onMessage(Message message) {
        put(ORDER_ID, loggableId(orderId(message.getBody())));
        Object correlation = message.getMessageProperties().getHeader(EventHeaders.CORRELATION_ID);
        put(CORRELATION_ID, correlation == null ? null : loggableId(correlation.toString()));
        try {
            listener.onMessage(message);
        } finally {
            MDC.remove(ORDER_ID);
            MDC.remove(CORRELATION_ID);
        }
    }

    /** The top-level {@code orderId} of a JSON object body; null for anything else, never an exception. */
    static String orderId(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (ORDER_ID.equals(field) && value == JsonToken.VALUE_STRING) {
                    return parser.getText();
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null; // an unreadable body is the listener's to reject; the log line just has no order
        }
    }

    /**
     * {@code id} if it looks like an id, else null. Ids in the logging context come from messages and
     * requests, that is from others, and one with a line break in it would forge log lines.
     */
    public static String loggableId(String id) {
        return id != null && LOGGABLE_ID.matcher(id).matches() ? id : null;
    }

    private static void put(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }
}
