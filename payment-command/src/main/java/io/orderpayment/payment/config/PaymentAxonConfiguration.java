package io.orderpayment.payment.config;

import io.orderpayment.payment.domain.Payment;
import io.orderpayment.payment.query.PaymentProjection;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Registers the Payment aggregate without putting Spring annotations on the domain class. */
@Configuration(proxyBeanMethods = false)
class PaymentAxonConfiguration {

    @Bean
    ConfigurerModule paymentAggregate() {
        return configurer -> configurer.configureAggregate(Payment.class);
    }

    /** A failing projection fails the command, so the read model never silently misses an event. */
    @Bean
    ConfigurerModule paymentViewFailuresPropagate() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(PaymentProjection.PROCESSING_GROUP, config -> PropagatingErrorHandler.instance()));
    }

    /** The Payment aggregate's clock (its handlers take it as a parameter), to judge payment deadlines. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
