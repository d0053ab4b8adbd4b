package io.orderpayment.outbox.amqp;

/** The AMQP headers every published event carries (documented in docs/events.md). */
public final class EventHeaders {

    public static final String EVENT_ID = "event-id";
    public static final String EVENT_TYPE = "event-type";
    public static final String AGGREGATE_TYPE = "aggregate-type";
    public static final String AGGREGATE_ID = "aggregate-id";
    public static final String SEQUENCE_NUMBER = "sequence-number";
    public static final String TIMESTAMP = "timestamp";
    public static final String CORRELATION_ID = "correlation-id";
    public static final String CAUSATION_ID = "causation-id";
    /** The payload's Java type and revision, for Axon consumers that deserialize it with the same classes. */
    public static final String PAYLOAD_TYPE = "payload-type";
    public static final String PAYLOAD_REVISION = "payload-revision";

    private EventHeaders() {
    }
}
