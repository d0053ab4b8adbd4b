package io.orderpayment.operations.unrouted;

import com.rabbitmq.client.GetResponse;
import io.orderpayment.operations.broker.WaitingMessages;
import io.orderpayment.operations.broker.WaitingMessages.Destination;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The events the service published while no queue was bound for them, which its exchange's
 * alternate exchange keeps (docs/adr/0002): how many, which, and publishing them again once a
 * consumer has bound its queue. One still unbound goes back to the unrouted queue.
 */
public class UnroutedEvents {

    private final WaitingMessages messages;
    private final String exchange;
    private final String queue;

    /** @param queue the alternate exchange's queue, named as the alternate exchange */
    public UnroutedEvents(WaitingMessages messages, String exchange, String queue) {
        this.messages = messages;
        this.exchange = exchange;
        this.queue = queue;
    }

    public String exchange() {
        return exchange;
    }

    public String queue() {
        return queue;
    }

    public long count() {
        return messages.count(queue);
    }

    /** The first {@code limit} unrouted events, left where they are. */
    public List<UnroutedEvent> peek(int limit) {
        return messages.peek(queue, limit, UnroutedEvents::unroutedEvent);
    }

    /**
     * Publishes the unrouted events waiting now to the exchange again, with their own routing keys
     * (see {@link WaitingMessages#redrive}): those a queue is now bound for reach it, the others come
     * back here.
     *
     * @return how many were published again
     */
    public int redrive() {
        return messages.redrive(queue, event -> new Destination(exchange, event.getEnvelope().getRoutingKey()));
    }

    private static UnroutedEvent unroutedEvent(GetResponse response) {
        return new UnroutedEvent(response.getProps().getMessageId(), response.getProps().getType(),
                response.getEnvelope().getRoutingKey(), WaitingMessages.headers(response.getProps()),
                new String(response.getBody(), StandardCharsets.UTF_8));
    }
}
