package io.orderpayment.operations.logging;

import io.orderpayment.operations.logging.elsewhere.PackagePrivateDeadlines;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OrderLogContextTest {

    record SomethingHappened(String orderId, int attempt) {
    }

    record Unrelated(String name) {
    }

    private final OrderLogContext context = new OrderLogContext();

    @AfterEach
    void clear() {
        MDC.clear();
    }

    /** The logging context a handler of {@code payload} sees. */
    private Map<String, String> handle(Object payload, MetaData metaData) throws Exception {
        Map<String, String> seen = new HashMap<>();
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericEventMessage<>(payload, metaData));
        context.handle(unitOfWork, () -> {
            seen.putAll(MDC.getCopyOfContextMap());
            return null;
        });
        unitOfWork.commit();
        return seen;
    }

    @Test
    void aMessageAboutAnOrderLogsItsIdAndCorrelationAndTheOuterContextComesBackAfter() throws Exception {
        MDC.put(OrderLogContext.ORDER_ID, "outer-order");

        Map<String, String> seen = handle(new SomethingHappened("order-1", 2), MetaData.with("correlationId", "corr-1"));

        assertThat(seen).containsEntry("orderId", "order-1").containsEntry("correlationId", "corr-1");
        assertThat(MDC.get(OrderLogContext.ORDER_ID)).isEqualTo("outer-order");
        assertThat(MDC.get(OrderLogContext.CORRELATION_ID)).isNull();
    }

    @Test
    void aDeadlineDeclaredInsideAnotherPackageLogsItsOrder() throws Exception {
        Map<String, String> seen = handle(PackagePrivateDeadlines.nextAttempt("order-7"), MetaData.emptyInstance());

        assertThat(seen).containsEntry("orderId", "order-7");
    }

    @Test
    void aMessageWithoutAnOrderIdLogsNoOrderButItsOwnIdAsCorrelation() throws Exception {
        Map<String, String> seen = handle(new Unrelated("x"), MetaData.emptyInstance());

        assertThat(seen).doesNotContainKey("orderId").containsKey("correlationId");
    }
}
