package io.orderpayment.order.amqp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderpayment.api.payment.PaymentCompleted;
import io.orderpayment.api.payment.PaymentFailed;
import io.orderpayment.api.payment.PaymentRefunded;
import io.orderpayment.axon.transaction.EventStoringTransaction;
import io.orderpayment.inbox.amqp.InboundBatchListener;
import io.orderpayment.inbox.amqp.InboundEventListener;
import io.orderpayment.inbox.amqp.ListenerContainers;
import io.orderpayment.order.application.PaymentOutcomes;
import io.orderpayment.order.config.PaymentEventsProperties;
import io.orderpayment.outbox.amqp.RequiredQueues;
import io.orderpayment.outbox.config.OutboxProperties;
import io.orderpayment.queues.OrderServiceQueues;
import io.orderpayment.queues.PaymentServiceQueues;
import io.orderpayment.queues.QueueProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The consumer of payment events, on Spring Boot's RabbitMQ connection: each event is recorded on
 * its order ({@link PaymentOutcomes}), those that arrive together in one transaction
 * ({@link InboundBatchListener}), and acknowledged after that committed; one that failed is
 * requeued after a pause. The container takes the topology as a parameter so that the queue is
 * declared before it first connects. The payment service's queues are declared too, by the outbox,
 * when missing: the order service's requests must reach them even before the payment service first
 * ran (docs/adr/0016).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueueProperties.class)
public class PaymentEventsMessagingConfiguration {

    @Bean
    InboundEventListener paymentEventListener(ObjectMapper objectMapper, PaymentOutcomes outcomes,
                                              PaymentEventsProperties properties) {
        return InboundEventListener.reading(objectMapper)
                .on(PaymentCompleted.class, event -> outcomes.completed(event.id(), event.payload()))
                .on(PaymentFailed.class, event -> outcomes.failed(event.id(), event.payload()))
                .on(PaymentRefunded.class, event -> outcomes.refunded(event.id(), event.payload()))
                .pausingBeforeRedelivery(properties.redeliveryPause());
    }

    @Bean
    OrderServiceQueues orderServiceQueues(CachingConnectionFactory connectionFactory, PaymentEventsProperties properties,
                                          QueueProperties queues) {
        OrderServiceQueues topology = new OrderServiceQueues(properties.exchange(), queues);
        connectionFactory.addConnectionListener(topology);
        return topology;
    }

    @Bean
    RequiredQueues paymentServiceQueues(OutboxProperties outbox, QueueProperties queues) {
        return new PaymentServiceQueues(outbox.exchange(), queues).requiredByPublisher();
    }

    @Bean
    SimpleMessageListenerContainer paymentEventConsumers(CachingConnectionFactory connectionFactory,
                                                         OrderServiceQueues topology, QueueProperties queues,
                                                         PaymentEventsProperties properties,
                                                         InboundEventListener paymentEventListener,
                                                         EventStoringTransaction transaction) {
        return ListenerContainers.ackAfterCommit(connectionFactory, queues.paymentEvents(), properties.consumers(),
                properties.prefetch(), properties.batchSize(), paymentEventListener, transaction);
    }
}
