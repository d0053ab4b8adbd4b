package io.orderpayment.payment.amqp;

import io.orderpayment.inbox.amqp.InboundMessages;
import io.orderpayment.inbox.amqp.ListenerContainers;
import io.orderpayment.inbox.amqp.PauseBeforeRedelivery;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderpayment.payment.application.DeadLetteredPaymentRequests;
import io.orderpayment.payment.application.PaymentRequests;
import io.orderpayment.payment.application.RefundRequests;
import io.orderpayment.payment.config.PaymentProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The payment service's consumers, on Spring Boot's RabbitMQ connection (the outbox publishes on
 * a connection of its own), each acknowledging a message after its transaction committed
 * ({@link ListenerContainers}). Each container takes
 * the topology as a parameter so that it is registered, and declares the queues, before the
 * container first connects.
 */
@Configuration(proxyBeanMethods = false)
public class PaymentMessagingConfiguration {

    @Bean
    PaymentTopology paymentTopology(CachingConnectionFactory connectionFactory, PaymentProperties properties) {
        PaymentTopology topology = new PaymentTopology(properties.ordersExchange(), properties.ordersAlternateExchange(),
                properties.requestQueue(), properties.refundQueue(), properties.requestTtl(), properties.maxDeliveries());
        connectionFactory.addConnectionListener(topology);
        return topology;
    }

    @Bean
    InboundMessages inboundMessages(ObjectMapper objectMapper) {
        return new InboundMessages(objectMapper);
    }

    @Bean
    SimpleMessageListenerContainer paymentRequestConsumers(CachingConnectionFactory connectionFactory,
                                                           PaymentTopology topology, PaymentProperties properties,
                                                           InboundMessages messages, PaymentRequests requests) {
        return ListenerContainers.ackAfterListener(connectionFactory, properties.requestQueue(), properties.consumers(), properties.prefetch(),
                new PaymentRequestListener(messages, requests));
    }

    @Bean
    SimpleMessageListenerContainer paymentDeadLetterConsumer(CachingConnectionFactory connectionFactory,
                                                             PaymentTopology topology, PaymentProperties properties,
                                                             InboundMessages messages,
                                                             DeadLetteredPaymentRequests deadLetters) {
        return ListenerContainers.ackAfterListener(connectionFactory, PaymentTopology.deadLetterQueue(properties.requestQueue()), 1,
                properties.prefetch(), new PauseBeforeRedelivery(new PaymentDeadLetterListener(messages, deadLetters),
                        properties.redeliveryPause()));
    }

    @Bean
    SimpleMessageListenerContainer refundRequestConsumer(CachingConnectionFactory connectionFactory,
                                                         PaymentTopology topology, PaymentProperties properties,
                                                         InboundMessages messages, RefundRequests refunds) {
        return ListenerContainers.ackAfterListener(connectionFactory, properties.refundQueue(), 1, properties.prefetch(),
                new PauseBeforeRedelivery(new RefundRequestListener(messages, refunds), properties.redeliveryPause()));
    }
}
