package io.orderpayment.inbox.amqp;

import io.orderpayment.axon.transaction.EventStoringTransaction;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

import java.time.Duration;

/**
 * Consumers of other services' events, each message acknowledged after the transaction that
 * handled it committed. One at a time ({@link #ackAfterListener}), acknowledgement is automatic
 * after the listener returns; a listener exception requeues the message, unless it is an
 * {@code AmqpRejectAndDontRequeueException}, which dead-letters it. In batches
 * ({@link #ackAfterBatch}), the listener does the same for each message itself.
 */
public final class ListenerContainers {

    /** How long a batch waits for one more message. */
    static final Duration BATCH_WAIT = Duration.ofMillis(3);

    private ListenerContainers() {
    }

    public static SimpleMessageListenerContainer ackAfterListener(ConnectionFactory connectionFactory, String queue,
                                                                  int consumers, int prefetch,
                                                                  InboundEventListener listener) {
        SimpleMessageListenerContainer container = consuming(connectionFactory, queue, consumers, prefetch);
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setMessageListener(listener);
        return container;
    }

    /**
     * Messages that arrive together, up to {@code batchSize}, handled in one {@code transaction}
     * ({@link #ackAfterBatch} with an {@link InboundBatchListener}); with a batch size of 1, one
     * transaction each ({@link #ackAfterListener}).
     */
    public static SimpleMessageListenerContainer ackAfterCommit(ConnectionFactory connectionFactory, String queue,
                                                                int consumers, int prefetch, int batchSize,
                                                                InboundEventListener listener,
                                                                EventStoringTransaction transaction) {
        if (batchSize <= 1) {
            return ackAfterListener(connectionFactory, queue, consumers, prefetch, listener);
        }
        return ackAfterBatch(connectionFactory, queue, consumers, prefetch, batchSize,
                new InboundBatchListener(listener, transaction));
    }

    /**
     * Like {@link #ackAfterListener}, but hands the listener up to {@code batchSize} messages at a
     * time: those already fetched, and any that arrive within {@link #BATCH_WAIT} of the last one.
     * The listener acknowledges or rejects each message itself.
     */
    public static SimpleMessageListenerContainer ackAfterBatch(ConnectionFactory connectionFactory, String queue,
                                                               int consumers, int prefetch, int batchSize,
                                                               InboundBatchListener listener) {
        SimpleMessageListenerContainer container = consuming(connectionFactory, queue, consumers,
                Math.max(prefetch, batchSize));
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setConsumerBatchEnabled(true);
        container.setBatchSize(batchSize);
        // The container waits this long for each further message of a batch, and between looks at
        // an idle queue: a lone message is handled this much later, an idle consumer wakes this often.
        container.setReceiveTimeout(BATCH_WAIT.toMillis());
        container.setBatchReceiveTimeout(BATCH_WAIT.toMillis());
        container.setMessageListener(listener);
        return container;
    }

    private static SimpleMessageListenerContainer consuming(ConnectionFactory connectionFactory, String queue,
                                                            int consumers, int prefetch) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(queue);
        container.setConcurrentConsumers(consumers);
        container.setPrefetchCount(prefetch);
        container.setDefaultRequeueRejected(true);
        // A broker that is down, or queues not declared yet, must not stop the service: keep trying.
        container.setMissingQueuesFatal(false);
        return container;
    }
}
