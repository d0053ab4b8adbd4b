package io.orderpayment.order.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderpayment.order.operations.SagaAudit;
import io.orderpayment.saga.OrderPaymentSaga;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The saga audit runs every minute. Its query must look each PENDING order's saga up by the order's
 * id even when PostgreSQL's statistics are stale, as they are after a burst of orders (a payment
 * outage) and until the next analyze: planned as an anti-join on such statistics, it scanned every
 * association for every order, 40 seconds of a core for 20,000 PENDING orders.
 */
class SagaAuditQueryIT extends SharedOrderServiceIT {

    private static final String SCHEMA = "saga_audit_query_it";
    private static final int ORDERS = 2_000;

    @Autowired
    DataSource dataSource;

    @Test
    void theAuditReadsRowsInProportionToThePendingOrdersWhateverTheStatistics() throws Exception {
        // One transaction, rolled back: the tables, and the search path of this pooled connection, go with it.
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                assertThat(rowsTouchedByTheAudit(new JdbcTemplate(new SingleConnectionDataSource(connection, true))))
                        .isLessThan(10L * ORDERS);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    /** Every order has its saga, so the audit finds none; looked up by id, it touches a few rows per order. */
    private static long rowsTouchedByTheAudit(JdbcTemplate jdbc) throws Exception {
        String serviceSchema = jdbc.queryForObject("select current_schema()", String.class);
        jdbc.execute("create schema " + SCHEMA);
        for (String table : new String[]{"order_view", "domain_event_entry", "association_value_entry"}) {
            jdbc.execute("create table %s.%s (like %s.%s including all)".formatted(SCHEMA, table, serviceSchema, table));
        }
        jdbc.execute("set local search_path = " + SCHEMA);
        // Never analyzed, as a table is between two analyzes: the planner guesses how many orders are PENDING.
        jdbc.update("""
                insert into order_view (order_id, customer_id, status, total_amount, currency, items, created_at, updated_at, payment_attempts)
                select 'order-' || i, 'customer', 'PENDING', 1, 'EUR', '[]', now(), now(), 0 from generate_series(1, ?) i""", ORDERS);
        jdbc.update("""
                insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number, type,
                                                payload_type, payload, meta_data, time_stamp)
                select i, 'event-' || i, 'order-' || i, 0, 'Order', 'OrderPlaced', '\\x00', '\\x00', 'now'
                from generate_series(1, ?) i""", ORDERS);
        jdbc.update("""
                insert into association_value_entry (id, association_key, association_value, saga_id, saga_type)
                select i, 'orderId', 'order-' || i, 'saga-' || i, ? from generate_series(1, ?) i""",
                OrderPaymentSaga.class.getName(), ORDERS);

        String plan = jdbc.queryForObject("explain (analyze, format json) " + SagaAudit.ORDERS_WITHOUT_SAGA.replace("?",
                "'" + OrderPaymentSaga.class.getName() + "'"), String.class);
        return rowsTouched(new ObjectMapper().readTree(plan).get(0).get("Plan"));
    }

    /** Rows each node of the plan produced or threw away, over all its loops. */
    private static long rowsTouched(JsonNode node) {
        long loops = node.path("Actual Loops").asLong(1);
        long rows = (node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong()
                + node.path("Rows Removed by Join Filter").asLong()) * loops;
        for (JsonNode child : node.path("Plans")) {
            rows += rowsTouched(child);
        }
        return rows;
    }
}
