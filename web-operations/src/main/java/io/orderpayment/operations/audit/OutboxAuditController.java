package io.orderpayment.operations.audit;

import io.orderpayment.outbox.audit.AuditReport;
import io.orderpayment.outbox.audit.OutboxAudit;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Runs the outbox audit now, rather than at its next interval, and says what it found. */
@RestController
public class OutboxAuditController {

    private final OutboxAudit audit;

    public OutboxAuditController(OutboxAudit audit) {
        this.audit = audit;
    }

    @PostMapping(value = "/admin/outbox/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    public AuditReport audit() {
        return audit.run();
    }
}
