package io.orderpayment.order.it;

import io.orderpayment.testsupport.RabbitProbe;
import org.axonframework.eventhandling.Segment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What the outbox promises, as checks on the broker's side and on the stored tokens. */
final class ForwarderAssertions {

    private ForwarderAssertions() {
    }

    /** The aggregates (orders) among {@code orderIds} whose events reached the consumer. */
    static Set<String> deliveredOrders(RabbitProbe consumer, Collection<String> orderIds) {
        return consumer.received().stream()
                .map(message -> message.header("aggregate-id"))
                .filter(orderIds::contains)
                .collect(Collectors.toSet());
    }

    /** Orders whose first payment request (which the saga asks for right after placing) was delivered. */
    static Set<String> paymentRequestedDelivered(RabbitProbe consumer, Collection<String> orderIds) {
        return eventDelivered(consumer, "PaymentRequested", orderIds);
    }

    /** Orders among {@code orderIds} of which an event of this type (simple name) was delivered. */
    static Set<String> eventDelivered(RabbitProbe consumer, String eventType, Collection<String> orderIds) {
        return consumer.received().stream()
                .filter(message -> eventType.equals(message.header("event-type")))
                .map(message -> message.header("aggregate-id"))
                .filter(orderIds::contains)
                .collect(Collectors.toSet());
    }

    /** How many events the store holds for these orders. */
    static long storedEvents(JdbcTemplate database, Collection<String> orderIds) {
        return database.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = any (?)",
                Long.class, (Object) orderIds.toArray(String[]::new));
    }

    static long deliveries(RabbitProbe consumer, Collection<String> orderIds) {
        return consumer.received().stream().filter(message -> orderIds.contains(message.header("aggregate-id"))).count();
    }

    /**
     * For each of these orders, the stored token of the segment that forwards it is still before
     * its event: a crash now would forward it again, not skip it.
     */
    static void noTokenPassed(JdbcTemplate database, Collection<String> undeliveredOrderIds) {
        Map<Segment, Long> tokens = ForwarderTokens.positions(database);
        Map<String, Long> eventIndexes = ForwarderTokens.globalIndexes(database, undeliveredOrderIds);
        assertThat(eventIndexes).hasSameSizeAs(undeliveredOrderIds);
        eventIndexes.forEach((orderId, index) -> {
            Segment owner = tokens.keySet().stream().filter(segment -> segment.matches(orderId.hashCode())).findFirst().orElseThrow();
            assertThat(tokens.get(owner))
                    .as("stored token of segment %s against unconfirmed event %s of order %s", owner.getSegmentId(), index, orderId)
                    .isLessThan(index);
        });
    }

    /** Every segment's stored token has reached the newest event. */
    static boolean tokensAtHead(JdbcTemplate database) {
        long head = ForwarderTokens.head(database);
        Map<Segment, Long> tokens = ForwarderTokens.positions(database);
        return !tokens.isEmpty() && tokens.values().stream().allMatch(position -> position >= head);
    }
}
