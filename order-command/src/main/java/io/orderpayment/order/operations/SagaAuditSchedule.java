package io.orderpayment.order.operations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the saga audit every {@code app.saga.audit-interval}; a failed run is logged and the next one looks again. */
class SagaAuditSchedule {

    private static final Logger log = LoggerFactory.getLogger(SagaAuditSchedule.class);

    private final SagaAudit audit;

    SagaAuditSchedule(SagaAudit audit) {
        this.audit = audit;
    }

    @Scheduled(fixedDelayString = "${app.saga.audit-interval}", initialDelayString = "${app.saga.audit-interval}")
    void run() {
        try {
            audit.run();
        } catch (RuntimeException e) {
            log.warn("Saga audit failed; it runs again at the next interval: {}", e.toString());
        }
    }
}
