package io.orderpayment.payment.persistence;

import io.orderpayment.payment.application.PaymentMethods;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

@Repository
@RequiredArgsConstructor
class JdbcPaymentMethods implements PaymentMethods {

    private static final RowMapper<PaymentMethod> METHOD = (rs, row) -> new PaymentMethod(
            rs.getString("payment_method_id"), rs.getString("customer_id"), rs.getString("token"),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;

    @Override
    public PaymentMethod register(String customerId, String token) {
        PaymentMethod method = new PaymentMethod("pm_" + UUID.randomUUID(), customerId, token,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        jdbc.update("insert into payment_method (payment_method_id, customer_id, token, created_at) values (?, ?, ?, ?)",
                method.paymentMethodId(), method.customerId(), method.token(), Timestamp.from(method.createdAt()));
        return method;
    }

    @Override
    public Optional<PaymentMethod> find(String paymentMethodId) {
        return jdbc.query("select * from payment_method where payment_method_id = ?", METHOD, paymentMethodId)
                .stream().findFirst();
    }
}
