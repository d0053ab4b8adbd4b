package io.orderpayment.payment.config;

import io.orderpayment.payment.application.RetryingPaymentGateway;
import io.orderpayment.payment.domain.PaymentGateway;
import io.orderpayment.payment.gateway.GatewayLedger;
import io.orderpayment.payment.gateway.GatewaySimulation;
import io.orderpayment.payment.gateway.SimulatedPaymentGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;

/**
 * The payment gateway: the simulated provider, behind retries of its transient failures. Only the
 * retrying gateway is a {@link PaymentGateway} bean, so that is what the Payment aggregate gets.
 */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean
    GatewaySimulation gatewaySimulation(PaymentProperties properties) {
        return new GatewaySimulation(properties.gateway().latency());
    }

    @Bean
    GatewayLedger gatewayLedger(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new GatewayLedger(jdbc, transactions);
    }

    @Bean
    PaymentGateway paymentGateway(GatewaySimulation simulation, GatewayLedger ledger, PaymentProperties properties,
                                  Clock clock) {
        return new RetryingPaymentGateway(new SimulatedPaymentGateway(simulation, ledger),
                properties.gateway().tries(), properties.gateway().retryPause(), clock);
    }
}
