package io.orderpayment.order.it;

import io.orderpayment.api.PaymentIds;
import io.orderpayment.api.order.PlaceOrder;
import io.orderpayment.api.order.RecordCompletedPayment;
import io.orderpayment.testsupport.RabbitProbe;
import io.orderpayment.testsupport.TestInfrastructure;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event store wakes its readers (the forwarder, the saga) after storing events; if it does so
 * before the transaction really committed, they find nothing and the events wait for the next
 * wake-up, on a quiet system a second. So at each wake-up the events must already be visible to
 * another connection: for an order placed over HTTP and for a payment outcome taken from RabbitMQ,
 * the two places where the service's own code, not Axon, begins the transaction.
 */
class EventsCommittedBeforeWakeUpIT {

    private static final TestInfrastructure INFRASTRUCTURE = new TestInfrastructure("wake_up");

    private final Map<String, Boolean> committedAfterCommit = new ConcurrentHashMap<>();

    @Test
    void aCommandsEventsAreCommittedWhenItsUnitOfWorkSaysSo() {
        INFRASTRUCTURE.reset();
        try (OrderServiceInstance service = OrderServiceInstance.start(INFRASTRUCTURE, Map.of())) {
            DataSource dataSource = service.bean(DataSource.class);
            service.bean(CommandBus.class).registerHandlerInterceptor((unitOfWork, chain) -> {
                Object command = unitOfWork.getMessage().getPayload();
                if (command instanceof PlaceOrder place) {
                    recordWhetherCommittedAfterCommit(unitOfWork, dataSource, "PlaceOrder", place.orderId(), "OrderPlaced");
                } else if (command instanceof RecordCompletedPayment payment) {
                    recordWhetherCommittedAfterCommit(unitOfWork, dataSource, "RecordCompletedPayment", payment.orderId(), "OrderPaid");
                }
                return chain.proceed();
            });

            String orderId = service.http().placeOrder("customer-" + UUID.randomUUID());
            RabbitProbe.publish(INFRASTRUCTURE.paymentEventsExchange(), "payment.completed", UUID.randomUUID().toString(), """
                    {"paymentId":"%s","orderId":"%s","attempt":1,"amount":{"amount":25.00,"currency":"EUR"},"chargeId":"ch-1"}"""
                    .formatted(PaymentIds.of(orderId, 1), orderId));

            await().atMost(Duration.ofSeconds(30)).until(() -> committedAfterCommit.containsKey("RecordCompletedPayment"));
            assertThat(committedAfterCommit)
                    .containsEntry("PlaceOrder", true)
                    .containsEntry("RecordCompletedPayment", true);
        }
    }

    /** Where the event store wakes its readers: the command's after-commit step. */
    private void recordWhetherCommittedAfterCommit(UnitOfWork<?> unitOfWork, DataSource dataSource, String command,
                                                   String orderId, String eventType) {
        int before = storedEvents(dataSource, orderId, eventType);
        unitOfWork.afterCommit(u -> committedAfterCommit.put(command, storedEvents(dataSource, orderId, eventType) > before));
    }

    /** On a connection of its own: the transaction that stores the events may still be open on this thread. */
    private static int storedEvents(DataSource dataSource, String orderId, String eventType) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like ?")) {
            query.setString(1, orderId);
            query.setString(2, "%." + eventType);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
