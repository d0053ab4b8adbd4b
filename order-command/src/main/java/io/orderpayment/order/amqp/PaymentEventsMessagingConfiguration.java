package io.orderpayment.order.amqp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderpayment.order.application.PaymentOutcomes;
import io.orderpayment.order.config.PaymentEventsProperties;
import io.orderpayment.inbox.amqp.InboundMessages;
import io.orderpayment.inbox.amqp.ListenerContainers;
import io.orderpayment.inbox.amqp.PauseBeforeRedelivery;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The consumer of payment events, on Spring Boot's RabbitMQ connection: a message is acknowledged
 * after the order's transaction committed, and one that failed is requeued after a pause. The
 * container takes the topology as a parameter so that the queue is declared before it first connects.
 */
@Configuration(proxyBeanMethods = false)
public class PaymentEventsMessagingConfiguration {

    @Bean
    PaymentEventsTopology paymentEventsTopology(CachingConnectionFactory connectionFactory,
                                                PaymentEventsProperties properties) {
        PaymentEventsTopology topology = new PaymentEventsTopology(properties.exchange(),
                properties.alternateExchange(), properties.queue());
        connectionFactory.addConnectionListener(topology);
        return topology;
    }

    @Bean
    SimpleMessageListenerContainer paymentEventConsumers(CachingConnectionFactory connectionFactory,
                                                         PaymentEventsTopology topology,
                                                         PaymentEventsProperties properties,
                                                         ObjectMapper objectMapper, PaymentOutcomes outcomes) {
        return ListenerContainers.ackAfterListener(connectionFactory, properties.queue(), properties.consumers(),
                properties.prefetch(), new PauseBeforeRedelivery(
                        new PaymentEventListener(new InboundMessages(objectMapper), outcomes), properties.redeliveryPause()));
    }
}
