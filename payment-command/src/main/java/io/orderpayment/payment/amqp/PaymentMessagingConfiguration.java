package io.orderpayment.payment.amqp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderpayment.api.order.PaymentRequested;
import io.orderpayment.api.order.RefundRequested;
import io.orderpayment.axon.transaction.EventStoringTransaction;
import io.orderpayment.inbox.FailedDeliveries;
import io.orderpayment.inbox.amqp.InboundEventListener;
import io.orderpayment.inbox.amqp.ListenerContainers;
import io.orderpayment.payment.application.DeadLetteredPaymentRequests;
import io.orderpayment.payment.application.PaymentRequests;
import io.orderpayment.payment.application.RefundRequests;
import io.orderpayment.outbox.amqp.RequiredQueues;
import io.orderpayment.outbox.config.OutboxProperties;
import io.orderpayment.payment.config.PaymentProperties;
import io.orderpayment.queues.OrderServiceQueues;
import io.orderpayment.queues.PaymentServiceQueues;
import io.orderpayment.queues.QueueProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The payment service's consumers, on Spring Boot's RabbitMQ connection (the outbox publishes on
 * a connection of its own), each acknowledging a message after its transaction committed
 * ({@link ListenerContainers}); payment requests that arrive together share one (docs/adr/0032).
 * A payment request that fails on its own (one that fails in a batch is first handled again alone)
 * is delivered again at once, until it has failed {@code app.payment.max-deliveries} times (counted
 * by the service: docs/adr/0015) and is dead-lettered; refunds and dead letters are tried until
 * they succeed, after a pause each time.
 * While the database is away, a message is held and tried again, and that costs it no delivery.
 * Each container takes the topology as a parameter so that it is registered, and declares the
 * queues, before the container first connects. The order service's queue of payment outcomes is
 * declared too, by the outbox, when missing (docs/adr/0016).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueueProperties.class)
public class PaymentMessagingConfiguration {

    @Bean
    PaymentServiceQueues paymentServiceQueues(CachingConnectionFactory connectionFactory, PaymentProperties properties,
                                              QueueProperties queues) {
        PaymentServiceQueues topology = new PaymentServiceQueues(properties.ordersExchange(), queues);
        connectionFactory.addConnectionListener(topology);
        return topology;
    }

    @Bean
    RequiredQueues orderServiceQueues(OutboxProperties outbox, QueueProperties queues) {
        return new OrderServiceQueues(outbox.exchange(), queues).requiredByPublisher();
    }

    @Bean
    SimpleMessageListenerContainer paymentRequestConsumers(CachingConnectionFactory connectionFactory,
                                                           PaymentServiceQueues topology, QueueProperties queues,
                                                           PaymentProperties properties,
                                                           ObjectMapper objectMapper, PaymentRequests requests,
                                                           FailedDeliveries failedDeliveries,
                                                           EventStoringTransaction transaction) {
        InboundEventListener listener = InboundEventListener.reading(objectMapper)
                .on(PaymentRequested.class, request -> requests.process(request.id(), request.payload()))
                .deadLetteringAfter(properties.maxDeliveries(), failedDeliveries);
        return ListenerContainers.ackAfterCommit(connectionFactory, queues.paymentRequests(), properties.consumers(),
                properties.prefetch(), properties.batchSize(), listener, transaction);
    }

    @Bean
    SimpleMessageListenerContainer paymentDeadLetterConsumer(CachingConnectionFactory connectionFactory,
                                                             PaymentServiceQueues topology, QueueProperties queues,
                                                           PaymentProperties properties,
                                                             ObjectMapper objectMapper,
                                                             DeadLetteredPaymentRequests deadLetters) {
        return ListenerContainers.ackAfterListener(connectionFactory, PaymentServiceQueues.deadLetterQueue(queues.paymentRequests()),
                1, properties.prefetch(), InboundEventListener.reading(objectMapper)
                        .on(PaymentRequested.class, new DeadLetteredRequestHandler(deadLetters))
                        .pausingBeforeRedelivery(properties.redeliveryPause()));
    }

    @Bean
    SimpleMessageListenerContainer refundRequestConsumer(CachingConnectionFactory connectionFactory,
                                                         PaymentServiceQueues topology, QueueProperties queues,
                                                         PaymentProperties properties,
                                                         ObjectMapper objectMapper, RefundRequests refunds) {
        return ListenerContainers.ackAfterListener(connectionFactory, queues.refundRequests(), 1, properties.prefetch(),
                InboundEventListener.reading(objectMapper)
                        .on(RefundRequested.class, new RefundRequestHandler(refunds))
                        .pausingBeforeRedelivery(properties.redeliveryPause()));
    }
}
