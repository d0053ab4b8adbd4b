package io.orderpayment.outbox.audit;

import java.util.List;

/**
 * What one run of the outbox audit did.
 *
 * @param ran         false when another instance was auditing at the same moment
 * @param republished ids of the events found skipped and published by this run
 * @param watched     indexes given up on by a reader and still missing from the store, which the audit watches
 */
public record AuditReport(boolean ran, List<String> republished, int watched) {

    static AuditReport notRun() {
        return new AuditReport(false, List.of(), 0);
    }
}
