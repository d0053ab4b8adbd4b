package io.orderpayment.order.config;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.modelling.saga.repository.AnnotatedSagaRepository;
import org.axonframework.modelling.saga.repository.inmemory.InMemorySagaStore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SagaSegmentsByAssociationTest {

    private final InMemorySagaStore store = new InMemorySagaStore();
    private final SagaSegmentsByAssociation<OneOrderSaga> manager = manager(OneOrderSaga.class);

    @Test
    void onlyTheSegmentOfTheOrderHandlesItsEventsAndFindsItsSaga() {
        List<Segment> segments = segments(4);
        EventMessage<?> placed = event(new Placed("order-7"));

        assertThat(segments).filteredOn(segment -> manager.canHandle(placed, segment)).singleElement();
        handleAsAPooledProcessorDoes(placed, segments);
        assertThat(sagasOf("order-7")).hasSize(1);

        handleAsAPooledProcessorDoes(event(new Finished("order-7")), segments);
        assertThat(sagasOf("order-7")).as("ended by the one segment that handled it").isEmpty();
    }

    @Test
    void sagasStartedBeforeTheirSegmentsWereSplitStillGetTheirEvents() {
        List<String> orders = IntStream.range(0, 20).mapToObj(n -> "order-" + n).toList();
        orders.forEach(order -> handleAsAPooledProcessorDoes(event(new Placed(order)), segments(2)));

        orders.forEach(order -> handleAsAPooledProcessorDoes(event(new Finished(order)), segments(8)));

        assertThat(orders).allSatisfy(order -> assertThat(sagasOf(order)).as(order).isEmpty());
    }

    @Test
    void aSagaAssociatedByTwoPropertiesIsRefused() {
        assertThatThrownBy(() -> manager(TwoKeysSaga.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one property");
    }

    private void handleAsAPooledProcessorDoes(EventMessage<?> event, List<Segment> segments) {
        for (Segment segment : segments) {
            if (manager.canHandle(event, segment)) {
                DefaultUnitOfWork.startAndGet(event).execute(() -> {
                    try {
                        manager.handle(event, segment);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        }
    }

    private static List<Segment> segments(int count) {
        return Segment.splitBalanced(Segment.ROOT_SEGMENT, count - 1);
    }

    private Set<String> sagasOf(String orderId) {
        return store.findSagas(OneOrderSaga.class, new AssociationValue("orderId", orderId));
    }

    private <T> SagaSegmentsByAssociation<T> manager(Class<T> sagaType) {
        return new SagaSegmentsByAssociation<>(AnnotatedSagaManager.<T>builder()
                .sagaType(sagaType)
                .sagaRepository(AnnotatedSagaRepository.<T>builder().sagaType(sagaType).sagaStore(store).build()),
                sagaType);
    }

    private static EventMessage<?> event(Object payload) {
        return GenericEventMessage.asEventMessage(payload);
    }

    record Placed(String orderId) {
    }

    record Finished(String orderId) {
    }

    record Refunded(String paymentId) {
    }

    public static class OneOrderSaga {
        @StartSaga
        @SagaEventHandler(associationProperty = "orderId")
        public void on(Placed event) {
        }

        @EndSaga
        @SagaEventHandler(associationProperty = "orderId")
        public void on(Finished event) {
        }
    }

    public static class TwoKeysSaga extends OneOrderSaga {
        @SagaEventHandler(associationProperty = "paymentId")
        public void on(Refunded event) {
        }
    }
}
