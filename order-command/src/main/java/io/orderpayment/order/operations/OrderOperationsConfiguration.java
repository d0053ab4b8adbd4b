package io.orderpayment.order.operations;

import io.orderpayment.axon.tokens.ProcessorTokens;
import io.orderpayment.axon.transaction.EventStoringTransaction;
import io.orderpayment.operations.metrics.ProcessorLag;
import io.orderpayment.saga.OrderPaymentSaga;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentServiceProperties.class)
class OrderOperationsConfiguration {

    @Bean
    PaymentServiceEvents paymentServiceEvents(RestClient.Builder builder, PaymentServiceProperties properties) {
        return new PaymentServiceEvents(builder, properties);
    }

    @Bean
    MeterBinder orderMetrics(JdbcTemplate jdbc, ProcessorLag lag, SagaAudit sagaAudit) {
        return new OrderMetrics(jdbc, lag, sagaAudit);
    }

    @Bean
    SagaAudit sagaAudit(JdbcTemplate jdbc, EventStoringTransaction transaction, ProcessorTokens tokens,
                        EventStore eventStore, EventProcessingConfiguration processing) {
        return new SagaAudit(jdbc, transaction, tokens, eventStore,
                () -> processing.sagaConfiguration(OrderPaymentSaga.class).manager());
    }

    @Bean
    SagaAuditSchedule sagaAuditSchedule(SagaAudit audit) {
        return new SagaAuditSchedule(audit);
    }
}
