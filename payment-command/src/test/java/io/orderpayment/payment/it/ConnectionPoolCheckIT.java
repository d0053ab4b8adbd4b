package io.orderpayment.payment.it;

import io.orderpayment.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionPoolCheckIT {

    private static final TestInfrastructure INFRASTRUCTURE = new TestInfrastructure("payment_pool_check");

    @Test
    void moreConsumersThanConnectionsRefuseToStartWithAClearMessage() {
        INFRASTRUCTURE.reset();
        new OrderSide(INFRASTRUCTURE).reset();

        assertThatThrownBy(() -> PaymentServiceInstance.start(INFRASTRUCTURE, Map.of(
                        "app.payment.consumers", 20, "spring.datasource.hikari.maximum-pool-size", 20)))
                .rootCause()
                .hasMessageContaining("app.payment.consumers=20 needs at least 24 connections");
    }
}
