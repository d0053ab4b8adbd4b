package io.orderpayment.operations.broker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.LongString;
import com.rabbitmq.client.ReturnListener;
import io.orderpayment.inbox.amqp.BrokerObjects;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Messages that wait in a queue for an operator (dead letters, unrouted events): counted, looked at
 * without taking them away, and sent on once whatever stopped them is fixed.
 */
public class WaitingMessages {

    private static final Duration RETURN_TIMEOUT = Duration.ofSeconds(2);

    private final ConnectionFactory connectionFactory;
    private final Duration confirmTimeout;

    public WaitingMessages(ConnectionFactory connectionFactory, Duration confirmTimeout) {
        this.connectionFactory = connectionFactory;
        this.confirmTimeout = confirmTimeout;
    }

    /** Where a message is sent on: an exchange and a routing key. */
    public record Destination(String exchange, String routingKey) {

        @Override
        public String toString() {
            return routingKey.isEmpty() ? exchange : exchange + " (" + routingKey + ")";
        }
    }

    public long count(String queue) {
        return withChannel(channel -> channel.queueDeclarePassive(queue).getMessageCount());
    }

    /**
     * The first {@code limit} messages, shown as {@code view} shows them and left where they are:
     * they are fetched unacknowledged and returned to the queue, in their order.
     */
    public <T> List<T> peek(String queue, int limit, Function<GetResponse, T> view) {
        return withChannel(channel -> {
            long waiting = channel.queueDeclarePassive(queue).getMessageCount();
            List<T> messages = new ArrayList<>();
            long lastTag = 0;
            try {
                GetResponse response;
                while (messages.size() < limit && (response = channel.basicGet(queue, false)) != null) {
                    lastTag = response.getEnvelope().getDeliveryTag();
                    messages.add(view.apply(response));
                }
            } finally {
                // Also when a message could not be shown: the channel goes back to the connection's
                // cache, and messages left unacknowledged on it would vanish from count and redrive.
                if (lastTag != 0) {
                    channel.basicNack(lastTag, true, true);
                }
            }
            if (lastTag != 0) {
                awaitReturned(channel, queue, waiting);
            }
            return messages;
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
     * Sends the messages waiting now in {@code queue} on, each confirmed by the broker before it is
     * removed from the queue: a failure in between leaves a copy in both, which a consumer's inbox
     * recognises. Messages that come back to the queue meanwhile are not taken a second time.
     *
     * @return how many were sent on
     * @throws RedriveRefusedException when a destination took no message: that one and the rest stay
     */
    public int redrive(String queue, Function<GetResponse, Destination> destination) {
        return redrive(queue, destination, message -> true);
    }

    /**
     * As {@link #redrive(String, Function)}, for the waiting messages {@code selected} picks; the
     * others stay in the queue.
     */
    public int redrive(String queue, Function<GetResponse, Destination> destination, Predicate<GetResponse> selected) {
        return withChannel(channel -> {
            channel.confirmSelect();
            // A message no queue takes is returned and then confirmed all the same: the broker has
            // handled it. The return comes first, so it is known once the confirm is.
            AtomicBoolean returned = new AtomicBoolean();
            ReturnListener listener = channel.addReturnListener(unroutable -> returned.set(true));
            long lastSkipped = 0;
            long skipped = 0;
            try {
                long waiting = channel.queueDeclarePassive(queue).getMessageCount();
                int moved = 0;
                Set<String> existing = new HashSet<>();
                GetResponse response;
                for (long seen = 0; seen < waiting && (response = channel.basicGet(queue, false)) != null; seen++) {
                    if (!selected.test(response)) {
                        lastSkipped = response.getEnvelope().getDeliveryTag();
                        skipped++;
                        continue;
                    }
                    Destination to = destination.apply(response);
                    // Publishing to a missing exchange would close the channel: that is a refusal too.
                    if (!existing.contains(to.exchange()) && !BrokerObjects.exchangeExists(connectionFactory.createConnection(), to.exchange())) {
                        channel.basicNack(response.getEnvelope().getDeliveryTag(), false, true);
                        throw new RedriveRefusedException(to.toString(), moved, queue);
                    }
                    existing.add(to.exchange());
                    channel.basicPublish(to.exchange(), to.routingKey(), true, response.getProps(), response.getBody());
                    channel.waitForConfirmsOrDie(confirmTimeout.toMillis());
                    if (returned.get()) {
                        channel.basicNack(response.getEnvelope().getDeliveryTag(), false, true);
                        throw new RedriveRefusedException(to.toString(), moved, queue);
                    }
                    channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
                    moved++;
                }
                return moved;
            } finally {
                // The channel goes back to the connection's cache: the messages passed over go back to
                // the queue (those sent on are settled already, so "multiple" returns only them).
                if (lastSkipped != 0) {
                    channel.basicNack(lastSkipped, true, true);
                    awaitReturned(channel, queue, skipped);
                }
                channel.removeReturnListener(listener);
            }
        });
    }

    /** The message's headers as text and numbers, without the ones named. */
    public static Map<String, Object> headers(AMQP.BasicProperties properties, String... without) {
        Map<String, Object> headers = new LinkedHashMap<>();
        if (properties.getHeaders() != null) {
            properties.getHeaders().forEach((name, value) -> {
                if (!List.of(without).contains(name)) {
                    headers.put(name, readable(value));
                }
            });
        }
        return headers;
    }

    /** AMQP strings arrive as bytes. */
    public static Object readable(Object value) {
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
