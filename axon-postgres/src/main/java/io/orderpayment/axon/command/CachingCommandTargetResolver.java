package io.orderpayment.axon.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Finds the aggregate a command is for as Axon's {@link AnnotationCommandTargetResolver} does (the
 * member annotated {@link TargetAggregateIdentifier}, and {@link TargetAggregateVersion} if any; a
 * method before a field), but looks the members up once per command type. Axon's walks every method
 * and field of the command and reads their annotations for every command it routes: 1.5 to 2 % of
 * each service's CPU and a tenth of what its command handling allocates (docs/benchmarks.md).
 */
public final class CachingCommandTargetResolver implements CommandTargetResolver {

    private final ClassValue<Targets> targets = new ClassValue<>() {
        @Override
        protected Targets computeValue(Class<?> commandType) {
            return new Targets(Member.annotated(commandType, TargetAggregateIdentifier.class),
                    Member.annotated(commandType, TargetAggregateVersion.class));
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Targets target = targets.get(command.getPayloadType());
        Object identifier;
        Long version;
        try {
            identifier = target.identifier().valueOf(command.getPayload());
            version = asLong(target.version().valueOf(command.getPayload()));
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("An exception occurred while extracting aggregate information from a command", e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The value provided for the version is not a number.", e);
        }
        if (identifier == null) {
            throw new IllegalArgumentException("Invalid command. It does not identify the target aggregate. Make sure at least "
                    + "one of the fields or methods in the [" + command.getPayloadType().getSimpleName()
                    + "] class contains the @TargetAggregateIdentifier annotation and that it returns a non-null value.");
        }
        return new VersionedAggregateIdentifier(identifier, version);
    }

    private static Long asLong(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Number number ? number.longValue() : Long.parseLong(value.toString());
    }

    private record Targets(Member identifier, Member version) {
    }

    /** The annotated method or field of a command type, or none. */
    private record Member(Method method, Field field) {

        private static final Member NONE = new Member(null, null);

        static Member annotated(Class<?> type, Class<? extends Annotation> annotation) {
            for (Method method : ReflectionUtils.methodsOf(type)) {
                if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
                    return new Member(ReflectionUtils.ensureAccessible(method), null);
                }
            }
            for (Field field : ReflectionUtils.fieldsOf(type)) {
                if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                    return new Member(null, ReflectionUtils.ensureAccessible(field));
                }
            }
            return NONE;
        }

        Object valueOf(Object command) throws InvocationTargetException {
            try {
                if (method != null) {
                    return method.invoke(command);
                }
                return field != null ? field.get(command) : null;
            } catch (IllegalAccessException e) {
                throw new IllegalArgumentException("The current security context does not allow extraction of "
                        + "aggregate information from the given command.", e);
            }
        }
    }
}
