package io.orderpayment.order.it;

import io.orderpayment.order.config.OrderAxonConfiguration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.support.DataAccessUtils;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The saga's processor handles many events in one transaction, and the saga store writes only when
 * it commits (ADR 0027): sagas that start and end within one batch, beside others that start or
 * end there, leave exactly what their orders call for.
 */
class SagaBatchesIT extends SharedOrderServiceIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void sagasStartedAndEndedInOneBatchLeaveNothingAndTheOthersKeepTheirSagaAndDeadline() {
        // Placed, and some cancelled, while the saga's processor is stopped: it then takes them in few batches.
        List<String> cancelled;
        List<String> running;
        sagaProcessor().shutDown();
        try {
            cancelled = place(10);
            running = place(10);
            cancelled.forEach(this::cancel);
        } finally {
            sagaProcessor().start();
        }
        awaitSagasCaughtUp();

        assertThat(running).allSatisfy(this::hasItsSagaAndPaymentDeadline);
        assertThat(cancelled).allSatisfy(this::hasNoSagaNorDeadline);

        // Stored sagas end in the batches that start new ones.
        List<String> placedAfter;
        sagaProcessor().shutDown();
        try {
            running.forEach(this::cancel);
            placedAfter = place(10);
        } finally {
            sagaProcessor().start();
        }
        awaitSagasCaughtUp();

        assertThat(placedAfter).allSatisfy(this::hasItsSagaAndPaymentDeadline);
        assertThat(running).allSatisfy(this::hasNoSagaNorDeadline);
    }

    private void hasItsSagaAndPaymentDeadline(String orderId) {
        assertThat(sagaRows(orderId)).as("association and saga rows of %s", orderId).isEqualTo(2);
        assertThat(paymentDeadlineOfItsSaga(orderId)).as("payment deadline of %s", orderId).isNotNull();
        assertThat(deadlinesNaming(orderId)).as("deadlines naming %s", orderId).isEqualTo(1);
    }

    private void hasNoSagaNorDeadline(String orderId) {
        assertThat(sagaRows(orderId)).as("association and saga rows of %s", orderId).isZero();
        assertThat(deadlinesNaming(orderId)).as("deadlines naming %s", orderId).isZero();
    }

    private List<String> place(int count) {
        String customer = "customer-" + UUID.randomUUID();
        return IntStream.range(0, count).mapToObj(i -> http().placeOrder(customer)).toList();
    }

    private void cancel(String orderId) {
        assertThat(http().post("/orders/" + orderId + "/cancel", "", Map.of()).status()).isEqualTo(202);
    }

    private void awaitSagasCaughtUp() {
        long head = ForwarderTokens.head(jdbc);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Map<Integer, EventTrackerStatus> status = sagaProcessor().processingStatus();
            return status.size() == 4 && status.values().stream().allMatch(segment ->
                    segment.getCurrentPosition().orElse(-1) >= head);
        });
    }

    private PooledStreamingEventProcessor sagaProcessor() {
        return processing.eventProcessor(OrderAxonConfiguration.SAGA_PROCESSING_GROUP, PooledStreamingEventProcessor.class)
                .orElseThrow();
    }

    /** The order's association rows and the rows of the sagas they point to. */
    private long sagaRows(String orderId) {
        return jdbc.queryForObject("""
                select count(*) + (select count(*) from saga_entry where saga_id in
                                   (select saga_id from association_value_entry where association_value = ?))
                from association_value_entry where association_value = ?""", Long.class, orderId, orderId);
    }

    /** When the order's stored saga is due to cancel it unpaid, by the deadline id the saga keeps. */
    private Timestamp paymentDeadlineOfItsSaga(String orderId) {
        return DataAccessUtils.singleResult(jdbc.queryForList("""
                select t.execution_time
                from association_value_entry a
                join saga_entry e on e.saga_id = a.saga_id
                join scheduled_tasks t on t.task_instance = convert_from(e.serialized_saga, 'UTF8')::jsonb ->> 'paymentDeadlineId'
                where a.association_key = 'orderId' and a.association_value = ?""", Timestamp.class, orderId));
    }

    /** Stored deadlines whose payload names the order, whichever saga scheduled them. */
    private long deadlinesNaming(String orderId) {
        return jdbc.queryForObject("select count(*) from scheduled_tasks where position(convert_to(?, 'UTF8') in task_data) > 0",
                Long.class, orderId);
    }
}
