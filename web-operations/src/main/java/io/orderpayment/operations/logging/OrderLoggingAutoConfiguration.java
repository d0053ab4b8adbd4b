package io.orderpayment.operations.logging;

import io.orderpayment.outbox.OutboxForwarder;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The order id and correlation id in the logging context of every command, event, deadline and
 * HTTP request about an order (the log pattern in application.yml prints them).
 */
@AutoConfiguration(afterName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
public class OrderLoggingAutoConfiguration {

    private final OrderLogContext logContext = new OrderLogContext();

    @Bean
    ConfigurerModule orderLogContextOnEventHandlers() {
        // Not on the forwarder: it publishes a whole batch at once, so an event's context would name no
        // log line, and reading the order id would deserialize every payload it forwards as stored bytes.
        MessageHandlerInterceptor<Message<?>> passThrough = (unitOfWork, chain) -> chain.proceed();
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDefaultHandlerInterceptor((configuration, processorName) ->
                        OutboxForwarder.PROCESSING_GROUP.equals(processorName) ? passThrough : logContext));
    }

    @Bean
    SmartInitializingSingleton orderLogContextOnCommandsAndDeadlines(CommandBus commandBus,
                                                                   ObjectProvider<DeadlineManager> deadlineManagers) {
        return () -> {
            commandBus.registerHandlerInterceptor(logContext);
            deadlineManagers.orderedStream().forEach(manager -> manager.registerHandlerInterceptor(logContext));
        };
    }

    @Bean
    FilterRegistrationBean<OrderIdRequestFilter> orderIdRequestFilter() {
        return new FilterRegistrationBean<>(new OrderIdRequestFilter());
    }
}
