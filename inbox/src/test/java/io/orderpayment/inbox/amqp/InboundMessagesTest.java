package io.orderpayment.inbox.amqp;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A message that can never be handled goes to the dead letters at once instead of being redelivered for ever. */
class InboundMessagesTest {

    record Outcome(String orderId, String paymentId, int attempt) {
    }

    private final InboundMessages messages = new InboundMessages(new ObjectMapper());

    @Test
    void aCompleteBodyIsRead() {
        Outcome outcome = messages.body(message("{\"orderId\":\"o-1\",\"paymentId\":\"p-1\",\"attempt\":2}"), Outcome.class);

        assertThat(outcome).isEqualTo(new Outcome("o-1", "p-1", 2));
    }

    @Test
    void aBodyMissingAFieldIsRejectedToTheDeadLettersNamingIt() {
        assertThatThrownBy(() -> messages.body(message("{\"paymentId\":\"p-1\",\"attempt\":2}"), Outcome.class))
                .isInstanceOf(AmqpRejectAndDontRequeueException.class)
                .hasMessageContaining("orderId is missing");
    }

    @Test
    void aBodyThatIsNotJsonIsRejectedToTheDeadLetters() {
        assertThatThrownBy(() -> messages.body(message("not json"), Outcome.class))
                .isInstanceOf(AmqpRejectAndDontRequeueException.class)
                .hasMessageContaining("unreadable Outcome");
    }

    @Test
    void aMessageWithoutEventTypeIsRejectedToTheDeadLetters() {
        assertThatThrownBy(() -> messages.eventType(message("{}")))
                .isInstanceOf(AmqpRejectAndDontRequeueException.class);
    }

    private static Message message(String body) {
        return new Message(body.getBytes(StandardCharsets.UTF_8), new MessageProperties());
    }
}
