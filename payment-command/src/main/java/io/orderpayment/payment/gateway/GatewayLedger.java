package io.orderpayment.payment.gateway;

import io.orderpayment.api.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The simulated provider's books. Each entry is written in a transaction of its own, committed
 * before the caller hears the answer, as a real provider's would be: a rollback on our side does not
 * take a charge back.
 */
public class GatewayLedger {

    public enum Kind { CHARGE, REFUND }

    /** One thing the gateway did (or declined to do) under one idempotency key. */
    public record Entry(String entryId, Kind kind, String outcome, String orderId, String paymentId, Money amount,
                        String idempotencyKey, Instant recordedAt) {
    }

    private static final RowMapper<Entry> ENTRY = (rs, row) -> new Entry(
            rs.getString("entry_id"), Kind.valueOf(rs.getString("kind")), rs.getString("outcome"),
            rs.getString("order_id"), rs.getString("payment_id"),
            new Money(rs.getBigDecimal("amount"), rs.getString("currency")),
            rs.getString("idempotency_key"), rs.getTimestamp("recorded_at").toInstant());

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public GatewayLedger(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Reads committed entries only, like any other reader of the provider's books. */
    public Optional<Entry> find(String idempotencyKey) {
        return jdbc.query("select * from gateway_ledger where idempotency_key = ?", ENTRY, idempotencyKey).stream().findFirst();
    }

    /**
     * Records {@code entry} unless its idempotency key has one already, and returns the entry the key
     * stands for: of two concurrent calls with one key, the second gets the first one's answer.
     */
    public Entry record(Entry entry) {
        return ownTransaction.execute(status -> {
            jdbc.update("""
                    insert into gateway_ledger
                        (entry_id, idempotency_key, kind, outcome, order_id, payment_id, amount, currency)
                    values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (idempotency_key) do nothing""",
                    entry.entryId(), entry.idempotencyKey(), entry.kind().name(), entry.outcome(), entry.orderId(),
                    entry.paymentId(), entry.amount().amount(), entry.amount().currency());
            return jdbc.queryForObject("select * from gateway_ledger where idempotency_key = ?", ENTRY,
                    entry.idempotencyKey());
        });
    }

    public static final int MAX_SINCE = 100_000;

    public List<Entry> since(Instant since) {
        return jdbc.query("select * from gateway_ledger where recorded_at >= ? order by recorded_at, entry_id limit ?",
                ENTRY, Timestamp.from(since), MAX_SINCE);
    }

    public List<Entry> forOrder(String orderId) {
        return jdbc.query("select * from gateway_ledger where order_id = ? order by recorded_at, entry_id", ENTRY, orderId);
    }
}
