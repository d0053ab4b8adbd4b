package io.orderpayment.inbox.amqp;

import com.rabbitmq.client.Channel;
import io.orderpayment.axon.transaction.EventStoringTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareBatchMessageListener;
import org.springframework.amqp.rabbit.support.RabbitExceptionTranslator;

import java.io.IOException;
import java.util.List;

/**
 * Handles the messages that arrived together in one transaction, and acknowledges them all after
 * its commit: under load, one commit (and one wake-up of the event store's readers) for several
 * events instead of one each (docs/adr/0028). Each message is still recorded in the inbox in that
 * transaction, so a redelivered one is recognised as before.
 * <p>
 * If any message of the batch fails, the transaction rolls back, nothing of the batch is kept, and
 * each message is handled again alone, exactly as {@link InboundEventListener#onMessage} handles a
 * message delivered by itself: acknowledged after its own commit, dead-lettered if no redelivery can
 * help, held while the infrastructure is away, returned to the queue otherwise.
 */
public final class InboundBatchListener implements ChannelAwareBatchMessageListener {

    private static final Logger log = LoggerFactory.getLogger(InboundBatchListener.class);

    private final InboundEventListener events;
    private final EventStoringTransaction transaction;

    public InboundBatchListener(InboundEventListener events, EventStoringTransaction transaction) {
        this.events = events;
        this.transaction = transaction;
    }

    @Override
    public void onMessageBatch(List<Message> messages, Channel channel) {
        if (messages.size() > 1 && handledTogether(messages)) {
            acknowledge(channel, messages.get(messages.size() - 1), true);
            return;
        }
        for (Message message : messages) {
            handleAlone(message, channel);
        }
    }

    private boolean handledTogether(List<Message> messages) {
        try {
            transaction.execute(() -> {
                messages.forEach(events::onMessageInBatch);
                return null;
            });
            return true;
        } catch (RuntimeException e) {
            log.info("A batch of {} events failed ({}); each is handled alone", messages.size(), e.toString());
            return false;
        }
    }

    private void handleAlone(Message message, Channel channel) {
        try {
            events.onMessage(message);
        } catch (AmqpRejectAndDontRequeueException e) {
            log.warn("Dead-lettering event {}: {}", InboundEventListener.eventIdOf(message), e.getMessage());
            reject(channel, message, false);
            return;
        } catch (RuntimeException e) {
            log.warn("Event {} failed; it goes back to the queue", InboundEventListener.eventIdOf(message), e);
            reject(channel, message, true);
            return;
        }
        acknowledge(channel, message, false);
    }

    private static void acknowledge(Channel channel, Message message, boolean andAllBefore) {
        try {
            channel.basicAck(message.getMessageProperties().getDeliveryTag(), andAllBefore);
        } catch (IOException e) {
            throw RabbitExceptionTranslator.convertRabbitAccessException(e);
        }
    }

    private static void reject(Channel channel, Message message, boolean requeue) {
        try {
            channel.basicReject(message.getMessageProperties().getDeliveryTag(), requeue);
        } catch (IOException e) {
            throw RabbitExceptionTranslator.convertRabbitAccessException(e);
        }
    }
}
