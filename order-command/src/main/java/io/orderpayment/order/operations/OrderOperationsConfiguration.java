package io.orderpayment.order.operations;

import com.github.kagkarlsson.scheduler.task.Task;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.orderpayment.axon.tokens.ProcessorTokens;
import io.orderpayment.axon.transaction.EventStoringTransaction;
import io.orderpayment.operations.metrics.ProcessorLag;
import io.orderpayment.saga.OrderPaymentSaga;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentServiceProperties.class)
class OrderOperationsConfiguration {

    @Bean
    PaymentServiceAdminApi paymentServiceAdminApi(RestClient.Builder builder, PaymentServiceProperties properties) {
        return new PaymentServiceAdminApi(builder, properties);
    }

    @Bean
    OrderFinder orderFinder(JdbcTemplate jdbc,
                            @Qualifier("deadlineDetailsTask") Task<DbSchedulerBinaryDeadlineDetails> deadlineTask) {
        return new OrderFinder(jdbc, deadlineTask.getName());
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
