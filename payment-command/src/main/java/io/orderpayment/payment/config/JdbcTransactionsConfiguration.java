package io.orderpayment.payment.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;

import javax.sql.DataSource;

/**
 * The payment service writes nothing through JPA (its events, tokens, views, inbox, locks and the
 * gateway's ledger all go through JDBC), so its transactions are plain JDBC ones: Spring Boot's JPA
 * transaction manager would open a Hibernate session for every one of them. JPA stays on the class
 * path for Axon's auto-configuration; nothing here may write through it.
 */
@Configuration(proxyBeanMethods = false)
class JdbcTransactionsConfiguration {

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }
}
