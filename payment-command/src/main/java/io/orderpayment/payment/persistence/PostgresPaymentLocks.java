package io.orderpayment.payment.persistence;

import io.orderpayment.payment.application.PaymentLocks;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** A transaction-scoped PostgreSQL advisory lock per payment id (a hash collision only serializes more). */
@Repository
@RequiredArgsConstructor
class PostgresPaymentLocks implements PaymentLocks {

    private final JdbcTemplate jdbc;

    @Override
    public void lock(String paymentId) {
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> null, paymentId);
    }
}
