package io.orderpayment.outbox.amqp;

import com.rabbitmq.client.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionListener;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Declares the service's topic exchange each time the publishing connection opens. Events that no
 * consumer has bound go to an alternate exchange and wait in a bounded "unrouted" queue instead of
 * coming back as returns, so a routing key nobody listens to yet cannot stall the outbox, while a
 * mandatory return still means real trouble (no exchange to take it at all). The queues other
 * services consume and some events must reach are declared too, if their consumer has not done
 * so yet, so that no such event is published before its queue exists (docs/adr/0016).
 */
public class OutboxTopology implements ConnectionListener {

    private static final Logger log = LoggerFactory.getLogger(OutboxTopology.class);

    private final String exchange;
    private final String alternateExchange;
    private final int unroutedMaxLength;
    private final List<RequiredQueues> requiredQueues;

    /** @param alternateExchange empty for none: unroutable events are then returned and fail the batch */
    public OutboxTopology(String exchange, String alternateExchange, int unroutedMaxLength) {
        this(exchange, alternateExchange, unroutedMaxLength, List.of());
    }

    /** @param requiredQueues other services' queues that events must reach, declared when missing */
    public OutboxTopology(String exchange, String alternateExchange, int unroutedMaxLength,
                          List<RequiredQueues> requiredQueues) {
        this.exchange = exchange;
        this.alternateExchange = alternateExchange;
        this.unroutedMaxLength = unroutedMaxLength;
        this.requiredQueues = List.copyOf(requiredQueues);
    }

    @Override
    public void onCreate(Connection connection) {
        try (Channel channel = connection.createChannel(false)) {
            declare(channel);
        } catch (IOException | TimeoutException | RuntimeException e) {
            log.error("Could not declare exchange '{}'; publishing to it will fail until it exists", exchange, e);
            return;
        }
        for (RequiredQueues queues : requiredQueues) {
            try {
                queues.declareMissing(connection);
            } catch (IOException | TimeoutException | RuntimeException e) {
                log.error("Could not make sure that the queues events of '{}' must reach exist; until their consumer "
                        + "declares them, those events go to '{}'", exchange, alternateExchange, e);
            }
        }
    }

    /** Declares the exchange (and the alternate exchange with its queue) on {@code channel}. */
    public void declare(Channel channel) throws IOException {
        if (alternateExchange.isEmpty()) {
            channel.exchangeDeclare(exchange, "topic", true, false, Map.of());
            return;
        }
        channel.exchangeDeclare(alternateExchange, "fanout", true, false, Map.of());
        channel.queueDeclare(alternateExchange, true, false, false, Map.of(
                "x-queue-type", "quorum",
                "x-max-length", unroutedMaxLength,
                "x-delivery-limit", DeliveryLimits.UNTIL_SUCCESS));
        channel.queueBind(alternateExchange, alternateExchange, "");
        channel.exchangeDeclare(exchange, "topic", true, false, exchangeArguments(alternateExchange));
    }

    private static Map<String, Object> exchangeArguments(String alternateExchange) {
        return alternateExchange.isEmpty() ? Map.of() : Map.of("alternate-exchange", alternateExchange);
    }
}
