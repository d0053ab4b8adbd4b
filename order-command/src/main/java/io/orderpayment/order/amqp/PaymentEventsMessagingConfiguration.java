package io.orderpayment.order.amqp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderpayment.order.application.PaymentOutcomes;
import io.orderpayment.order.config.PaymentEventsProperties;
import io.orderpayment.outbox.inbound.InboundMessages;
import io.orderpayment.outbox.inbound.PauseBeforeRedelivery;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The consumer of payment events, on Spring Boot's RabbitMQ connection. Acknowledgement is
 * automatic after the listener returns, which is after the order's transaction committed; an
 * exception requeues the message after a pause. The container takes the topology as a parameter
 * so that the queue is declared before it first connects.
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
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(properties.queue());
        container.setConcurrentConsumers(properties.consumers());
        container.setPrefetchCount(properties.prefetch());
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setDefaultRequeueRejected(true);
        // A broker that is down, or a queue not declared yet, must not stop the service: keep trying.
        container.setMissingQueuesFatal(false);
        container.setMessageListener(new PauseBeforeRedelivery(
                new PaymentEventListener(new InboundMessages(objectMapper), outcomes), properties.redeliveryPause()));
        return container;
    }
}
