package io.orderpayment.order.operations;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Runs the saga audit now, rather than at its next interval, and names the orders whose saga it started. */
@RestController
class SagaAuditController {

    private final SagaAudit audit;

    SagaAuditController(SagaAudit audit) {
        this.audit = audit;
    }

    @PostMapping(value = "/admin/sagas/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    SagaAuditReport audit() {
        return new SagaAuditReport(audit.run());
    }

    /** @param sagasStarted the PENDING orders whose saga had never started */
    record SagaAuditReport(List<String> sagasStarted) {
    }
}
