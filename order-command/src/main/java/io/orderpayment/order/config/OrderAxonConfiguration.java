package io.orderpayment.order.config;

import io.orderpayment.order.domain.Order;
import io.orderpayment.order.query.OrderProjection;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the Order aggregate without putting Spring annotations on the domain class. */
@Configuration(proxyBeanMethods = false)
class OrderAxonConfiguration {

    @Bean
    ConfigurerModule orderAggregate() {
        return configurer -> configurer.configureAggregate(Order.class);
    }

    /** A failing projection fails the command, so the read model never silently misses an event. */
    @Bean
    ConfigurerModule orderViewFailuresPropagate() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(OrderProjection.PROCESSING_GROUP, config -> PropagatingErrorHandler.instance()));
    }
}
