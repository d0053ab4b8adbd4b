package io.orderpayment.operations.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param forwarderLagWarning events the forwarder may be behind before its health says DEGRADED
 * @param redriveConfirmTimeout how long a redriven dead letter may wait for the broker's confirm
 */
@ConfigurationProperties("app.operations")
public record OperationsProperties(@DefaultValue("1000") long forwarderLagWarning,
                                   @DefaultValue("5s") Duration redriveConfirmTimeout) {
}
