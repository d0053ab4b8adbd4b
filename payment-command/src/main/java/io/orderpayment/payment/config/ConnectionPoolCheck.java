package io.orderpayment.payment.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * Refuses to start with too few database connections for the consumers: each holds one for its
 * transaction and needs a second, briefly, for the gateway's ledger. With every connection held by
 * a consumer waiting for its second, all would wait until the pool's timeout, over and over.
 */
@Component
class ConnectionPoolCheck implements InitializingBean {

    /** The outbox forwarder, the HTTP API and the dead-letter and refund consumers need some too. */
    private static final int OTHERS = 4;

    private final DataSource dataSource;
    private final PaymentProperties properties;

    ConnectionPoolCheck(DataSource dataSource, PaymentProperties properties) {
        this.dataSource = dataSource;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        if (dataSource instanceof HikariDataSource pool && pool.getMaximumPoolSize() < properties.consumers() + OTHERS) {
            throw new IllegalStateException("spring.datasource.hikari.maximum-pool-size is " + pool.getMaximumPoolSize()
                    + " but app.payment.consumers=" + properties.consumers() + " needs at least "
                    + (properties.consumers() + OTHERS) + " connections (better twice the consumers)");
        }
    }
}
