package io.orderpayment.order.operations;

import io.orderpayment.operations.metrics.ProcessorLag;
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
    MeterBinder orderMetrics(JdbcTemplate jdbc, ProcessorLag lag) {
        return new OrderMetrics(jdbc, lag);
    }
}
