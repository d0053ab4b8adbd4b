package io.orderpayment.order.config;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.SagaEventHandler;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Axon's annotated saga manager, with a saga's segment chosen by the value it is associated with
 * (the order id) instead of by the saga's id.
 * <p>
 * Axon's manager lets every segment look up the sagas associated with every event it handles and
 * then drops those whose id belongs to another segment: with four segments, four queries of the
 * saga store for each of an order's saga events, three of them for nothing (docs/benchmarks.md).
 * Axon already starts a saga in the segment its association value belongs to; here only that
 * segment handles the saga's later events, and it handles every saga it finds for them.
 * <p>
 * This holds only for a saga that keeps the one association it started with, under one property
 * name: checked here for the handlers, and by the saga module's architecture test for
 * {@code SagaLifecycle.associateWith}. Splitting or merging segments moves an association value and
 * its sagas together, since both follow the value's hash.
 */
final class SagaSegmentsByAssociation<T> extends AnnotatedSagaManager<T> {

    SagaSegmentsByAssociation(Builder<T> builder, Class<T> sagaType) {
        super(builder);
        Set<String> properties = Stream.<Class<?>>iterate(sagaType, Objects::nonNull, Class::getSuperclass)
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .map(method -> method.getAnnotation(SagaEventHandler.class))
                .filter(Objects::nonNull)
                .map(handler -> handler.keyName().isEmpty() ? handler.associationProperty() : handler.keyName())
                .collect(Collectors.toSet());
        if (properties.size() != 1) {
            throw new IllegalArgumentException(sagaType.getName() + " must associate all its events by one property to "
                    + "be segmented by it, not by " + properties);
        }
    }

    @Override
    public boolean canHandle(EventMessage<?> event, Segment segment) {
        return super.canHandle(event, segment) && extractAssociationValues(event).stream().anyMatch(segment::matches);
    }

    /** Every saga found for an event this segment can handle is associated with a value of this segment. */
    @Override
    protected boolean matchesSegment(Segment segment, String sagaId) {
        return true;
    }
}
