package io.orderpayment.order.operations;

import io.orderpayment.axon.tokens.ProcessorTokens;
import io.orderpayment.axon.tokens.ProcessorTokens.StoredToken;
import io.orderpayment.axon.transaction.EventStoringTransaction;
import io.orderpayment.axon.transaction.SchemaLock;
import io.orderpayment.order.config.OrderAxonConfiguration;
import io.orderpayment.saga.OrderPaymentSaga;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.saga.AbstractSagaManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Finds PENDING orders whose saga never started, and starts it.
 * <p>
 * The saga starts on OrderPlaced, read from the event store like the outbox forwarder reads it, and
 * can pass over one the same way (an event committed after the reader gave up on its gap; see
 * {@code OutboxAudit}). Such an order would stay PENDING for ever: no payment requested, no
 * deadline. An order is taken for one when the saga processor's every segment has passed its
 * OrderPlaced and no saga is associated with it; its OrderPlaced is then handed to the saga, which
 * requests the payment and sets the deadline from the time the order was placed.
 */
public class SagaAudit {

    private static final Logger log = LoggerFactory.getLogger(SagaAudit.class);

    /**
     * PENDING orders with the global index of their OrderPlaced, and no saga of the type given. The
     * {@code offset 0} keeps the saga's look-up a subplan run for each order, by its id: PostgreSQL
     * would otherwise plan it as an anti-join, which on statistics older than a burst of PENDING
     * orders (a payment outage) scanned every association for every order (docs/adr/0031).
     */
    public static final String ORDERS_WITHOUT_SAGA = """
            select o.order_id, e.global_index
            from order_view o
            join domain_event_entry e on e.aggregate_identifier = o.order_id and e.sequence_number = 0
            where o.status = 'PENDING'
              and not exists (select 1 from association_value_entry a
                              where a.saga_type = ? and a.association_key = 'orderId'
                                and a.association_value = o.order_id
                              offset 0)""";

    private final JdbcTemplate jdbc;
    private final EventStoringTransaction transaction;
    private final ProcessorTokens tokens;
    private final EventStore eventStore;
    private final Supplier<AbstractSagaManager<OrderPaymentSaga>> sagaManager;
    private final AtomicLong started = new AtomicLong();

    public SagaAudit(JdbcTemplate jdbc, EventStoringTransaction transaction, ProcessorTokens tokens,
                     EventStore eventStore, Supplier<AbstractSagaManager<OrderPaymentSaga>> sagaManager) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.tokens = tokens;
        this.eventStore = eventStore;
        this.sagaManager = sagaManager;
    }

    /** Sagas this instance's audits started since it started. */
    public long started() {
        return started.get();
    }

    /**
     * One transaction, and one run at a time across instances: a saga started by one run is visible
     * to the next.
     *
     * @return the orders whose saga this run started
     */
    public List<String> run() {
        List<String> orders = transaction.execute(() -> {
            if (!SchemaLock.tryLock(jdbc, "saga_audit")) {
                return List.<String>of();
            }
            List<String> found = ordersWithoutSaga();
            found.forEach(this::startSaga);
            return found;
        });
        started.addAndGet(orders.size());
        return orders;
    }

    private List<String> ordersWithoutSaga() {
        // Tokens first: what the saga did for an event is committed with the token that passed it.
        List<StoredToken> saga = tokens.of(OrderAxonConfiguration.SAGA_PROCESSING_GROUP);
        return jdbc.query(ORDERS_WITHOUT_SAGA,
                        (row, n) -> ProcessorTokens.allPassed(saga, row.getLong("global_index"))
                                ? row.getString("order_id") : null,
                        OrderPaymentSaga.class.getName())
                .stream().filter(orderId -> orderId != null).toList();
    }

    private void startSaga(String orderId) {
        // From the first event, never from a snapshot.
        DomainEventMessage<?> placed = eventStore.readEvents(orderId, 0).next();
        log.warn("Saga audit: order {} is PENDING and its saga never started (OrderPlaced was passed over); starting it now",
                orderId);
        // Nested in the run's unit of work, with the event as its message, as the saga's processor would handle it.
        DefaultUnitOfWork.startAndGet(placed).execute(() -> {
            try {
                sagaManager.get().handle(placed, Segment.ROOT_SEGMENT);
            } catch (Exception e) {
                throw new IllegalStateException("Saga of order " + orderId + " could not be started", e);
            }
        });
    }
}
