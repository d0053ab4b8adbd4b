package io.orderpayment.operations.health;

import org.springframework.boot.actuate.health.Status;

/**
 * Working, but without something that makes it better: the service still does its job. Mapped to
 * HTTP 200 and ranked between DOWN and UP in application.yml.
 */
public final class Degraded {

    public static final Status STATUS = new Status("DEGRADED");

    private Degraded() {
    }
}
