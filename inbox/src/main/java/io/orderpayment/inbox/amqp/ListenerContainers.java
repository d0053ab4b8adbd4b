package io.orderpayment.inbox.amqp;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

/**
 * Consumers of other services' events. Acknowledgement is automatic after the listener returns,
 * which is after its transaction committed; a listener exception requeues the message, unless it
 * is an {@code AmqpRejectAndDontRequeueException}, which dead-letters it.
 */
public final class ListenerContainers {

    private ListenerContainers() {
    }

    public static SimpleMessageListenerContainer ackAfterListener(ConnectionFactory connectionFactory, String queue,
                                                                  int consumers, int prefetch,
                                                                  InboundEventListener listener) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(queue);
        container.setConcurrentConsumers(consumers);
        container.setPrefetchCount(prefetch);
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setDefaultRequeueRejected(true);
        // A broker that is down, or queues not declared yet, must not stop the service: keep trying.
        container.setMissingQueuesFatal(false);
        container.setMessageListener(listener);
        return container;
    }
}
