package io.orderpayment.order.persistence;

import io.orderpayment.order.application.IdempotencyKeys;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Optional;

@Repository
@RequiredArgsConstructor
class JdbcIdempotencyKeys implements IdempotencyKeys {

    private final JdbcTemplate jdbc;

    @Override
    public Optional<Claim> claim(String customerId, String key, String fingerprint, String orderId) {
        // ON CONFLICT waits for a concurrent claim of the same key to commit or roll back.
        int inserted = jdbc.update("""
                insert into idempotency_key (customer_id, idempotency_key, request_fingerprint, order_id)
                values (?, ?, ?, ?) on conflict do nothing""", customerId, key, fingerprint, orderId);
        if (inserted == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.queryForObject("""
                        select order_id, request_fingerprint from idempotency_key
                        where customer_id = ? and idempotency_key = ?""",
                (rs, row) -> new Claim(rs.getString("order_id"), rs.getString("request_fingerprint")),
                customerId, key));
    }
}
