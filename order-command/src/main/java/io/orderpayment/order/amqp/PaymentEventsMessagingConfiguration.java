package io.orderpayment.order.amqp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderpayment.api.payment.PaymentCompleted;
import io.orderpayment.api.payment.PaymentFailed;
import io.orderpayment.api.payment.PaymentRefunded;
import io.orderpayment.inbox.amqp.InboundEventListener;
import io.orderpayment.inbox.amqp.ListenerContainers;
import io.orderpayment.order.application.PaymentOutcomes;
import io.orderpayment.order.config.PaymentEventsProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The consumer of payment events, on Spring Boot's RabbitMQ connection: each event is recorded on
 * its order ({@link PaymentOutcomes}) and acknowledged after that committed; one that failed is
 * requeued after a pause. The container takes the topology as a parameter so that the queue is
 * declared before it first connects.
 */
@Configuration(proxyBeanMethods = false)
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
    PaymentEventsTopology paymentEventsTopology(CachingConnectionFactory connectionFactory,
                                                PaymentEventsProperties properties,
                                                InboundEventListener paymentEventListener) {
        PaymentEventsTopology topology = new PaymentEventsTopology(properties.exchange(),
                properties.alternateExchange(), properties.queue(), paymentEventListener.eventTypes());
        connectionFactory.addConnectionListener(topology);
        return topology;
    }

    @Bean
    SimpleMessageListenerContainer paymentEventConsumers(CachingConnectionFactory connectionFactory,
                                                         PaymentEventsTopology topology,
                                                         PaymentEventsProperties properties,
                                                         InboundEventListener paymentEventListener) {
        return ListenerContainers.ackAfterListener(connectionFactory, properties.queue(), properties.consumers(),
                properties.prefetch(), paymentEventListener);
    }
}
