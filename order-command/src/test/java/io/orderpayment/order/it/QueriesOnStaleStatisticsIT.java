package io.orderpayment.order.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderpayment.order.operations.OrderFinder;
import io.orderpayment.order.operations.SagaAudit;
import io.orderpayment.saga.OrderPaymentSaga;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's queries over PENDING orders must look each order's saga up by the order's id even
 * when PostgreSQL's statistics are stale, as they are after a burst of orders (a payment outage)
 * and until the next analyze. Planned as a join on such statistics, they scanned every association
 * for every order: the saga audit, every minute, 40 s of a core for 20,000 PENDING orders; the list
 * of orders waiting too long, 34 s.
 */
class QueriesOnStaleStatisticsIT extends SharedOrderServiceIT {

    private static final String SCHEMA = "stale_statistics_it";
    private static final int ORDERS = 2_000;
    private static final String SAGA_TYPE = OrderPaymentSaga.class.getName();

    @Autowired
    DataSource dataSource;

    @Test
    void theSagaAuditReadsRowsInProportionToThePendingOrders() throws Exception {
        assertThat(rowsTouched(SagaAudit.ORDERS_WITHOUT_SAGA, SAGA_TYPE)).isLessThan(10L * ORDERS);
    }

    @Test
    void theListOfOrdersWaitingTooLongReadsRowsInProportionToThePendingOrders() throws Exception {
        assertThat(rowsTouched(OrderFinder.PENDING_OLDER_THAN, "AxonDeadline", SAGA_TYPE,
                Timestamp.from(Instant.now().plusSeconds(60)), 100)).isLessThan(10L * ORDERS);
    }

    /**
     * Rows the plan of {@code query} touches over {@value ORDERS} PENDING orders, each with its saga,
     * in tables never analyzed. One transaction, rolled back: the tables, and the search path of this
     * pooled connection, go with it.
     */
    private long rowsTouched(String query, Object... parameters) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
                createPendingOrdersWithSagas(jdbc);
                String plan = jdbc.queryForObject("explain (analyze, format json) " + query, String.class, parameters);
                return rowsTouched(new ObjectMapper().readTree(plan).get(0).get("Plan"));
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private static void createPendingOrdersWithSagas(JdbcTemplate jdbc) {
        String serviceSchema = jdbc.queryForObject("select current_schema()", String.class);
        jdbc.execute("create schema " + SCHEMA);
        for (String table : List.of("order_view", "domain_event_entry", "association_value_entry", "saga_entry", "scheduled_tasks")) {
            jdbc.execute("create table %s.%s (like %s.%s including all)".formatted(SCHEMA, table, serviceSchema, table));
        }
        jdbc.execute("set local search_path = " + SCHEMA);
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
                select i, 'orderId', 'order-' || i, 'saga-' || i, ? from generate_series(1, ?) i""", SAGA_TYPE, ORDERS);
        jdbc.update("""
                insert into saga_entry (saga_id, saga_type, serialized_saga)
                select 'saga-' || i, ?, convert_to('{"paymentDeadlineId":"deadline-' || i || '"}', 'UTF8')
                from generate_series(1, ?) i""", SAGA_TYPE, ORDERS);
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
