package io.orderpayment.operations.logging;

import io.orderpayment.inbox.amqp.InboundLogContext;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;

/**
 * Puts the order id and the correlation id of the message being handled into the logging context,
 * so that every line logged while handling a command, event or deadline about an order says which
 * order and which request chain it belongs to. Nested handling (a saga sending a command) restores
 * the outer values afterwards.
 */
public class OrderLogContext implements MessageHandlerInterceptor<Message<?>> {

    public static final String ORDER_ID = InboundLogContext.ORDER_ID;
    public static final String CORRELATION_ID = InboundLogContext.CORRELATION_ID;

    private static final ClassValue<Optional<Method>> ORDER_ID_ACCESSOR = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return Optional.empty();
            }
            return Arrays.stream(type.getRecordComponents())
                    .filter(component -> component.getName().equals(ORDER_ID))
                    .map(RecordComponent::getAccessor)
                    .findFirst()
                    .filter(OrderLogContext::accessible);
        }
    };

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Message<?> message = unitOfWork.getMessage();
        String previousOrder = MDC.get(ORDER_ID);
        String previousCorrelation = MDC.get(CORRELATION_ID);
        put(ORDER_ID, InboundLogContext.loggableId(orderId(message.getPayload())));
        Object correlation = message.getMetaData().get(CORRELATION_ID);
        put(CORRELATION_ID, InboundLogContext.loggableId(correlation == null ? message.getIdentifier() : correlation.toString()));
        try {
            return chain.proceed();
        } finally {
            restore(ORDER_ID, previousOrder);
            restore(CORRELATION_ID, previousCorrelation);
        }
    }

    /**
     * Records that only their own package sees, like the saga's deadline payloads, are read too: a
     * public accessor of a package-private record is otherwise out of reflection's reach here.
     */
    private static boolean accessible(Method accessor) {
        try {
            accessor.setAccessible(true);
            return true;
        } catch (RuntimeException inaccessible) {
            return false;
        }
    }

    /** The {@code orderId} of a record payload (every order and payment message in core-api has one). */
    static String orderId(Object payload) {
        if (payload == null) {
            return null;
        }
        return ORDER_ID_ACCESSOR.get(payload.getClass()).map(accessor -> {
            try {
                Object value = accessor.invoke(payload);
                return value == null ? null : value.toString();
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }).orElse(null);
    }

    private static void put(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }

    private static void restore(String key, String previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
