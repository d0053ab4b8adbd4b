package io.orderpayment.payment.query;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.util.List;

@Repository
@RequiredArgsConstructor
public class PaymentViews {

    private static final RowMapper<PaymentView> VIEW = (rs, row) -> new PaymentView(
            rs.getString("payment_id"), rs.getString("order_id"), rs.getInt("attempt"),
            rs.getBigDecimal("amount"), rs.getString("currency"), rs.getString("status"),
            rs.getString("failure_reason"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());

    private final JdbcTemplate jdbc;

    /** Every attempt of the order, first attempt first. */
    public List<PaymentView> forOrder(String orderId) {
        return jdbc.query("select * from payment_view where order_id = ? order by attempt", VIEW, orderId);
    }
}
