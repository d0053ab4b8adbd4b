package io.orderpayment.testsupport;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

/**
 * A consumer of the real local RabbitMQ, as a downstream service would be: binds its own
 * exclusive queue to an exchange and keeps every message it receives.
 */
public final class RabbitProbe implements AutoCloseable {

    private final Connection connection;
    private final Channel channel;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** A message as a consumer sees it. */
    public record Received(String routingKey, String body, AMQP.BasicProperties properties) {

        public String header(String name) {
            Object value = properties.getHeaders() == null ? null : properties.getHeaders().get(name);
            return value == null ? null : value.toString();
        }
    }

    private RabbitProbe() throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        factory.setUsername("guest");
        factory.setPassword("guest");
        connection = factory.newConnection("test-probe");
        channel = connection.createChannel();
    }

    /** Binds a fresh queue to {@code exchange} (declared if missing, as the service declares it). */
    public static RabbitProbe bound(String exchange, String bindingKey) {
        try {
            RabbitProbe probe = new RabbitProbe();
            probe.bind(exchange, bindingKey);
            return probe;
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private void bind(String exchange, String bindingKey) throws IOException {
        channel.exchangeDeclarePassive(exchange);
        String queue = channel.queueDeclare("", false, true, true, Map.of()).getQueue();
        channel.queueBind(queue, exchange, bindingKey);
        channel.basicConsume(queue, true, (tag, delivery) -> received.add(
                new Received(delivery.getEnvelope().getRoutingKey(), new String(delivery.getBody(), StandardCharsets.UTF_8), delivery.getProperties())),
                tag -> { });
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /**
     * Declares the exchanges as the outbox does (OutboxTopology), so a probe can bind before the service
     * first publishes; were the arguments to differ, the service's own declaration would fail its test.
     */
    public static void declareTopicExchange(String exchange, String alternateExchange) {
        try (RabbitProbe probe = new RabbitProbe()) {
            if (alternateExchange.isEmpty()) {
                probe.channel.exchangeDeclare(exchange, "topic", true, false, Map.of());
                return;
            }
            probe.channel.exchangeDeclare(alternateExchange, "fanout", true, false, Map.of());
            probe.channel.queueDeclare(alternateExchange, true, false, false,
                    // OutboxTopology's arguments (DeliveryLimits.UNTIL_SUCCESS), which this module cannot import.
                    Map.of("x-queue-type", "quorum", "x-max-length", 100_000, "x-delivery-limit", 1_000_000));
            probe.channel.queueBind(alternateExchange, alternateExchange, "");
            probe.channel.exchangeDeclare(exchange, "topic", true, false, Map.of("alternate-exchange", alternateExchange));
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Publishes as the outbox does: persistent JSON, the event id as message id and header, the event
     * type (from the routing key: {@code payment.completed} is {@code PaymentCompleted}) as type and header, confirmed.
     */
    public static void publish(String exchange, String routingKey, String eventId, String body) {
        publish(exchange, routingKey, eventTypeOf(routingKey), eventId, body);
    }

    /** As {@link #publish(String, String, String, String)}, with the event type given (for a routing key that is a queue name). */
    public static void publish(String exchange, String routingKey, String eventType, String eventId, String body) {
        try (RabbitProbe probe = new RabbitProbe()) {
            probe.channel.confirmSelect();
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                    .contentType("application/json")
                    .deliveryMode(2)
                    .messageId(eventId)
                    .type(eventType)
                    .headers(Map.of("event-id", eventId, "event-type", eventType))
                    .build();
            probe.channel.basicPublish(exchange, routingKey, true, properties, body.getBytes(StandardCharsets.UTF_8));
            probe.channel.waitForConfirmsOrDie(10_000);
        } catch (IOException | TimeoutException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String eventTypeOf(String routingKey) {
        StringBuilder type = new StringBuilder();
        for (String word : routingKey.split("\\.")) {
            type.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return type.toString();
    }

    /** Messages ready in {@code queue} (not those delivered and not yet acknowledged); -1 if it does not exist. */
    public static long readyMessages(String queue) {
        try (RabbitProbe probe = new RabbitProbe()) {
            return probe.channel.queueDeclarePassive(queue).getMessageCount();
        } catch (IOException e) {
            return -1;
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Deletes consumed queues as the services declare them (ConsumerTopology): each with its
     * dead-letter queue, its dead-letter exchange and its redrive exchange.
     */
    public static void deleteConsumedQueues(String... queues) {
        try (RabbitProbe probe = new RabbitProbe()) {
            for (String queue : queues) {
                probe.channel.queueDelete(queue);
                probe.channel.queueDelete(queue + ".dead-letter");
                probe.channel.exchangeDelete(queue + ".dlx");
                probe.channel.exchangeDelete(queue + ".redrive");
            }
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void deleteQueues(String... queues) {
        try (RabbitProbe probe = new RabbitProbe()) {
            for (String queue : queues) {
                probe.channel.queueDelete(queue);
            }
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes what a test declared, so test runs leave no exchanges or queues behind. */
    public static void deleteExchange(String exchange, String alternateExchange) {
        try (RabbitProbe probe = new RabbitProbe()) {
            probe.channel.exchangeDelete(exchange);
            if (alternateExchange != null) {
                probe.channel.queueDelete(alternateExchange);
                probe.channel.exchangeDelete(alternateExchange);
            }
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
