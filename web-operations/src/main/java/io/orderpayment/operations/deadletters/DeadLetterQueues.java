package io.orderpayment.operations.deadletters;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.LongString;
import com.rabbitmq.client.ReturnListener;
import io.orderpayment.inbox.amqp.ConsumerTopology;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The dead-letter queues of the queues this service consumes, for an operator: how many messages
 * wait, what they are, and sending them back to their queue once whatever refused them is fixed.
 */
public class DeadLetterQueues {

    private static final Duration RETURN_TIMEOUT = Duration.ofSeconds(2);

    private final ConnectionFactory connectionFactory;
    private final Set<String> queues;
    private final Duration confirmTimeout;

    public DeadLetterQueues(ConnectionFactory connectionFactory, List<ConsumerTopology> topologies, Duration confirmTimeout) {
        this.connectionFactory = connectionFactory;
        this.queues = new TreeSet<>(topologies.stream()
                .flatMap(topology -> topology.queuesWithOperatorDeadLetters().stream()).toList());
        this.confirmTimeout = confirmTimeout;
    }

    /** The consumed queues whose dead letters wait for an operator. */
    public Set<String> queues() {
        return queues;
    }

    public long count(String queue) {
        return withChannel(channel -> channel.queueDeclarePassive(deadLetterQueue(queue)).getMessageCount());
    }

    /**
     * The first {@code limit} dead letters, left where they are: they are fetched unacknowledged and
     * returned to the queue, in their order.
     */
    public List<DeadLetter> peek(String queue, int limit) {
        String deadLetterQueue = deadLetterQueue(queue);
        return withChannel(channel -> {
            long waiting = channel.queueDeclarePassive(deadLetterQueue).getMessageCount();
            List<DeadLetter> letters = new ArrayList<>();
            long lastTag = 0;
            try {
                GetResponse response;
                while (letters.size() < limit && (response = channel.basicGet(deadLetterQueue, false)) != null) {
                    lastTag = response.getEnvelope().getDeliveryTag();
                    letters.add(deadLetter(response));
                }
            } finally {
                // Also when a letter could not be shown: the channel goes back to the connection's
                // cache, and letters left unacknowledged on it would vanish from count and redrive.
                if (lastTag != 0) {
                    channel.basicNack(lastTag, true, true);
                }
            }
            if (lastTag != 0) {
                awaitReturned(channel, deadLetterQueue, waiting);
            }
            return letters;
        });
    }

    /**
     * The broker puts returned messages back asynchronously; waiting (briefly) until they are
     * counted again means the next look, or a redrive, sees every one of them.
     */
    private static void awaitReturned(Channel channel, String queue, long waiting) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + RETURN_TIMEOUT.toNanos();
        while (channel.queueDeclarePassive(queue).getMessageCount() < waiting && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /**
     * Moves the dead letters waiting now back to their queue, confirmed by the broker before each is
     * removed from the dead-letter queue: a failure in between leaves a copy in both, which the
     * consumer's inbox recognises. Letters refused again meanwhile are not taken a second time.
     *
     * @return how many were sent back
     */
    public int redrive(String queue) {
        String deadLetterQueue = deadLetterQueue(queue);
        return withChannel(channel -> {
            channel.confirmSelect();
            // A message no queue takes is returned and then confirmed all the same: the broker has
            // handled it. The return comes first, so it is known once the confirm is.
            AtomicBoolean returned = new AtomicBoolean();
            ReturnListener listener = channel.addReturnListener(unroutable -> returned.set(true));
            try {
                long waiting = channel.queueDeclarePassive(deadLetterQueue).getMessageCount();
                int moved = 0;
                GetResponse response;
                while (moved < waiting && (response = channel.basicGet(deadLetterQueue, false)) != null) {
                    channel.basicPublish("", queue, true, response.getProps(), response.getBody());
                    channel.waitForConfirmsOrDie(confirmTimeout.toMillis());
                    if (returned.get()) {
                        channel.basicNack(response.getEnvelope().getDeliveryTag(), false, true);
                        throw new RedriveRefusedException(queue, moved, deadLetterQueue);
                    }
                    channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
                    moved++;
                }
                return moved;
            } finally {
                // The channel goes back to the connection's cache.
                channel.removeReturnListener(listener);
            }
        });
    }

    private String deadLetterQueue(String queue) {
        if (!queues.contains(queue)) {
            throw new DeadLetterQueueNotFoundException(queue, queues);
        }
        return ConsumerTopology.deadLetterQueue(queue);
    }

    private static DeadLetter deadLetter(GetResponse response) {
        AMQP.BasicProperties properties = response.getProps();
        Map<String, Object> headers = new LinkedHashMap<>();
        if (properties.getHeaders() != null) {
            properties.getHeaders().forEach((name, value) -> {
                if (!name.equals("x-death")) {
                    headers.put(name, readable(value));
                }
            });
        }
        Map<?, ?> death = lastDeath(properties);
        return new DeadLetter(properties.getMessageId(), properties.getType(),
                death == null ? null : firstRoutingKey(death.get("routing-keys")),
                death == null ? null : readable(death.get("reason")).toString(),
                death == null ? 0 : ((Number) death.get("count")).longValue(),
                death == null || death.get("time") == null ? null : ((Date) death.get("time")).toInstant(),
                headers, new String(response.getBody(), StandardCharsets.UTF_8));
    }

    /** The broker puts the newest entry first. */
    private static Map<?, ?> lastDeath(AMQP.BasicProperties properties) {
        Object deaths = properties.getHeaders() == null ? null : properties.getHeaders().get("x-death");
        return deaths instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> map ? map : null;
    }

    private static String firstRoutingKey(Object routingKeys) {
        return routingKeys instanceof List<?> keys && !keys.isEmpty() ? readable(keys.get(0)).toString() : null;
    }

    private static Object readable(Object value) {
        return value instanceof LongString text ? text.toString() : value;
    }

    private <T> T withChannel(ChannelWork<T> work) {
        try (Channel channel = connectionFactory.createConnection().createChannel(false)) {
            return work.apply(channel);
        } catch (AmqpException | IOException | TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new BrokerUnavailableException(e);
        }
    }

    private interface ChannelWork<T> {
        T apply(Channel channel) throws IOException, TimeoutException, InterruptedException;
    }
}
