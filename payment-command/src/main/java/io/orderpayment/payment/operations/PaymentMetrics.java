package io.orderpayment.payment.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.orderpayment.api.payment.PaymentFailureReason;
import io.orderpayment.api.payment.PaymentStatus;
import io.orderpayment.operations.metrics.CachedCounts;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Payment attempts by outcome, and failed ones by reason, counted in the read model (the same on
 * every node and after restarts). A refund does not change an attempt's outcome: the attempt still
 * counts under COMPLETED (or FAILED, for a late charge returned), and under REFUNDED as well. A
 * Prometheus counter must never fall; one that does reads as a restart, and rate() then counts
 * the whole total again.
 */
class PaymentMetrics implements MeterBinder {

    private static final String NO_REASON = "none";

    private final CachedCounts counts;

    PaymentMetrics(JdbcTemplate jdbc) {
        this.counts = new CachedCounts(() -> query(jdbc), Duration.ofSeconds(1));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        register(registry, PaymentStatus.COMPLETED.name(), NO_REASON);
        register(registry, PaymentStatus.REFUNDED.name(), NO_REASON);
        for (PaymentFailureReason reason : PaymentFailureReason.values()) {
            register(registry, PaymentStatus.FAILED.name(), reason.name());
        }
    }

    private void register(MeterRegistry registry, String outcome, String reason) {
        FunctionCounter.builder("payments.attempts", counts, c -> c.get(outcome + "/" + reason))
                .description("Payment attempts by outcome (and reason, for failed ones)")
                .tag("outcome", outcome).tag("reason", reason)
                .register(registry);
    }

    private static Map<String, Long> query(JdbcTemplate jdbc) {
        Map<String, Long> counts = new HashMap<>();
        // A refund changes the row's status but leaves its failure reason: null means it completed.
        jdbc.query("""
                select case when failure_reason is null then 'COMPLETED' else 'FAILED' end as outcome, failure_reason,
                       count(*) as attempts
                from payment_view group by 1, 2
                union all
                select 'REFUNDED', null, count(*) from payment_view where status = 'REFUNDED'""", row -> {
            String reason = row.getString("failure_reason");
            counts.put(row.getString("outcome") + "/" + (reason == null ? NO_REASON : reason), row.getLong("attempts"));
        });
        return counts;
    }
}
