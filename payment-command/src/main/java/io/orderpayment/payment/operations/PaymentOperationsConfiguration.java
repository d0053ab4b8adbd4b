package io.orderpayment.payment.operations;

import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class PaymentOperationsConfiguration {

    @Bean
    MeterBinder paymentMetrics(JdbcTemplate jdbc) {
        return new PaymentMetrics(jdbc);
    }
}
