package io.orderpayment.axon.command;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingCommandTargetResolverTest {

    private final CommandTargetResolver caching = new CachingCommandTargetResolver();
    private final CommandTargetResolver axons = AnnotationCommandTargetResolver.builder().build();

    record PayOrder(@TargetAggregateIdentifier String orderId, int attempt) {
    }

    record AmendOrder(@TargetAggregateIdentifier String orderId, @TargetAggregateVersion long expectedVersion) {
    }

    static class ByMethodAndField {
        @TargetAggregateVersion
        private final String version;
        private final String id;

        ByMethodAndField(String id, String version) {
            this.id = id;
            this.version = version;
        }

        @TargetAggregateIdentifier
        String target() {
            return "order-" + id;
        }
    }

    record Unaddressed(String orderId) {
    }

    static class FailingIdentifier {
        @TargetAggregateIdentifier
        String id() {
            throw new IllegalStateException("no id yet");
        }
    }

    @Test
    void findsTheSameTargetsAsAxonsResolver() {
        for (Object command : List.of(new PayOrder("o-1", 2), new AmendOrder("o-2", 7), new ByMethodAndField("3", "12"),
                new PayOrder("o-4", 1))) {
            assertThat(caching.resolveTarget(message(command))).as(command.toString())
                    .usingRecursiveComparison().isEqualTo(axons.resolveTarget(message(command)));
        }
    }

    @Test
    void readsTheIdentifierAndTheVersionOfEachCommandItsOwn() {
        VersionedAggregateIdentifier first = caching.resolveTarget(message(new AmendOrder("o-1", 3)));
        VersionedAggregateIdentifier second = caching.resolveTarget(message(new AmendOrder("o-2", 4)));

        assertThat(first.getIdentifier()).isEqualTo("o-1");
        assertThat(first.getVersion()).isEqualTo(3L);
        assertThat(second.getIdentifier()).isEqualTo("o-2");
        assertThat(second.getVersion()).isEqualTo(4L);
        assertThat(caching.resolveTarget(message(new PayOrder("o-3", 1))).getVersion()).isNull();
        assertThat(caching.resolveTarget(message(new ByMethodAndField("5", "6"))).getIdentifier()).isEqualTo("order-5");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void refusesACommandWithoutATargetAsAxonDoes(boolean nullIdentifier) {
        Object command = nullIdentifier ? new PayOrder(null, 1) : new Unaddressed("o-1");
        assertThatThrownBy(() -> caching.resolveTarget(message(command)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(command.getClass().getSimpleName())
                .hasMessage(messageOf(() -> axons.resolveTarget(message(command))));
    }

    @Test
    void refusesAVersionThatIsNotANumber() {
        assertThatThrownBy(() -> caching.resolveTarget(message(new ByMethodAndField("1", "twelve"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a number");
    }

    @Test
    void passesOnTheFailureOfAnAnnotatedMethod() {
        assertThatThrownBy(() -> caching.resolveTarget(message(new FailingIdentifier())))
                .isInstanceOf(IllegalArgumentException.class)
                .rootCause().hasMessage("no id yet");
    }

    private static GenericCommandMessage<?> message(Object command) {
        return new GenericCommandMessage<>(command);
    }

    private static String messageOf(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a failure");
    }
}
