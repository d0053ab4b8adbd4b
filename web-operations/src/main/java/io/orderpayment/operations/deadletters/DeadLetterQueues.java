package io.orderpayment.operations.deadletters;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import io.orderpayment.inbox.amqp.ConsumerTopology;
import io.orderpayment.operations.broker.WaitingMessages;
import io.orderpayment.operations.broker.WaitingMessages.Destination;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.orderpayment.operations.broker.WaitingMessages.readable;

/**
 * The dead-letter queues of the queues this service consumes, for an operator: how many messages
 * wait, what they are, and sending them back to their queue (through its redrive exchange) once
 * whatever refused them is fixed.
 */
public class DeadLetterQueues {

    private final WaitingMessages messages;
    private final Set<String> queues;

    public DeadLetterQueues(WaitingMessages messages, List<ConsumerTopology> topologies) {
        this.messages = messages;
        this.queues = new TreeSet<>(topologies.stream()
                .flatMap(topology -> topology.queuesWithOperatorDeadLetters().stream()).toList());
    }

    /** The consumed queues whose dead letters wait for an operator. */
    public Set<String> queues() {
        return queues;
    }

    public long count(String queue) {
        return messages.count(deadLetterQueue(queue));
    }

    /** The first {@code limit} dead letters, left where they are. */
    public List<DeadLetter> peek(String queue, int limit) {
        return messages.peek(deadLetterQueue(queue), limit, DeadLetterQueues::deadLetter);
    }

    /**
     * Moves the dead letters waiting now back to their queue (see {@link WaitingMessages#redrive}).
     *
     * @return how many were sent back
     */
    public int redrive(String queue) {
        return messages.redrive(deadLetterQueue(queue),
                letter -> new Destination(ConsumerTopology.redriveExchange(queue), ""));
    }

    /**
     * Moves the dead letter with message id {@code messageId} back to its queue; the others stay.
     *
     * @throws DeadLetterNotFoundException when none waits with that id
     */
    public void redrive(String queue, String messageId) {
        int moved = messages.redrive(deadLetterQueue(queue),
                letter -> new Destination(ConsumerTopology.redriveExchange(queue), ""),
                letter -> messageId.equals(letter.getProps().getMessageId()));
        if (moved == 0) {
            throw new DeadLetterNotFoundException(queue, messageId);
        }
    }

    private String deadLetterQueue(String queue) {
        if (!queues.contains(queue)) {
            throw new DeadLetterQueueNotFoundException(queue, queues);
        }
        return ConsumerTopology.deadLetterQueue(queue);
    }

    private static DeadLetter deadLetter(GetResponse response) {
        AMQP.BasicProperties properties = response.getProps();
        Map<?, ?> death = lastDeath(properties);
        return new DeadLetter(properties.getMessageId(), properties.getType(),
                death == null ? null : firstRoutingKey(death.get("routing-keys")),
                death == null ? null : readable(death.get("reason")).toString(),
                death == null ? 0 : ((Number) death.get("count")).longValue(),
                death == null || death.get("time") == null ? null : ((Date) death.get("time")).toInstant(),
                WaitingMessages.headers(properties, "x-death"), new String(response.getBody(), StandardCharsets.UTF_8));
    }

    /** The broker puts the newest entry first. */
    private static Map<?, ?> lastDeath(AMQP.BasicProperties properties) {
        Object deaths = properties.getHeaders() == null ? null : properties.getHeaders().get("x-death");
        return deaths instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> map ? map : null;
    }

    private static String firstRoutingKey(Object routingKeys) {
        return routingKeys instanceof List<?> keys && !keys.isEmpty() ? readable(keys.get(0)).toString() : null;
    }
}
