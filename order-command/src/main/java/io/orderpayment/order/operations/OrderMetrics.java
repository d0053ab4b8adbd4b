package io.orderpayment.order.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.orderpayment.api.order.CancellationReason;
import io.orderpayment.operations.metrics.CachedCounts;
import io.orderpayment.operations.metrics.ProcessorLag;
import io.orderpayment.order.config.OrderAxonConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Orders placed, confirmed and cancelled by reason (counted in the read model, so the same on every
 * node and after restarts), sagas still running, deadlines pending, the saga's lag, and sagas the
 * audit had to start.
 */
class OrderMetrics implements MeterBinder {

    private static final String PLACED = "placed";
    private static final String CONFIRMED = "confirmed";
    private static final String SAGAS = "sagas";
    private static final String DEADLINES = "deadlines";
    private static final String OVERDUE = "overdueDeadlines";

    private final CachedCounts counts;
    private final ProcessorLag lag;
    private final SagaAudit sagaAudit;

    OrderMetrics(JdbcTemplate jdbc, ProcessorLag lag, SagaAudit sagaAudit) {
        this.counts = new CachedCounts(() -> query(jdbc), Duration.ofSeconds(1));
        this.lag = lag;
        this.sagaAudit = sagaAudit;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("orders.placed", counts, c -> c.get(PLACED))
                .description("Orders accepted").register(registry);
        FunctionCounter.builder("orders.confirmed", counts, c -> c.get(CONFIRMED))
                .description("Orders paid and confirmed").register(registry);
        for (CancellationReason reason : CancellationReason.values()) {
            FunctionCounter.builder("orders.cancelled", counts, c -> c.get(reason.name()))
                    .description("Orders cancelled, by reason").tag("reason", reason.name()).register(registry);
        }
        Gauge.builder("sagas.active", counts, c -> c.get(SAGAS))
                .description("Order-payment sagas not yet ended").register(registry);
        Gauge.builder("deadlines.scheduled", counts, c -> c.get(DEADLINES))
                .description("Payment deadlines and next attempts waiting in db-scheduler").register(registry);
        Gauge.builder("deadlines.overdue", counts, c -> c.get(OVERDUE))
                .description("Deadlines due more than a minute ago and not handled: the scheduler is stuck or failing")
                .register(registry);
        FunctionCounter.builder("sagas.audit.started", sagaAudit, SagaAudit::started)
                .description("Sagas started by the audit for PENDING orders whose OrderPlaced the saga passed over")
                .register(registry);
        lag.register(registry, OrderAxonConfiguration.SAGA_PROCESSING_GROUP);
    }

    private static Map<String, Long> query(JdbcTemplate jdbc) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("select status, cancellation_reason, count(*) as orders from order_view group by 1, 2", row -> {
            long orders = row.getLong("orders");
            counts.merge(PLACED, orders, Long::sum);
            if ("CONFIRMED".equals(row.getString("status"))) {
                counts.merge(CONFIRMED, orders, Long::sum);
            } else if (row.getString("cancellation_reason") != null) {
                counts.merge(row.getString("cancellation_reason"), orders, Long::sum);
            }
        });
        counts.put(SAGAS, jdbc.queryForObject("select count(*) from saga_entry", Long.class));
        jdbc.query("select count(*) as waiting, count(*) filter (where execution_time < now() - interval '1 minute') as overdue"
                + " from scheduled_tasks", row -> {
            counts.put(DEADLINES, row.getLong("waiting"));
            counts.put(OVERDUE, row.getLong("overdue"));
        });
        return counts;
    }
}
