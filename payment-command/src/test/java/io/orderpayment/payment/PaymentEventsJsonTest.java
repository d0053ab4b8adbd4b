package io.orderpayment.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.orderpayment.api.Money;
import io.orderpayment.api.payment.PaymentCompleted;
import io.orderpayment.api.payment.PaymentFailed;
import io.orderpayment.api.payment.PaymentFailureReason;
import io.orderpayment.api.payment.PaymentRefunded;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Payment events are stored and published as JSON: they must come back as they were written. */
class PaymentEventsJsonTest {

    /** Configured as Spring Boot configures the mapper that Axon's Jackson serializer uses. */
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final Money AMOUNT = new Money(new BigDecimal("25.00"), "EUR");

    @Test
    void paymentFailedKeepsItsReasonAndRetryableFlag() throws Exception {
        PaymentFailed failed = new PaymentFailed("pay-1", "order-1", 2, AMOUNT, PaymentFailureReason.GATEWAY_UNAVAILABLE);

        String json = JSON.writeValueAsString(failed);

        assertThat(json).contains("\"reason\":\"GATEWAY_UNAVAILABLE\"", "\"retryable\":true", "\"amount\":25.00");
        assertThat(JSON.readValue(json, PaymentFailed.class)).isEqualTo(failed);
    }

    @Test
    void completedAndRefundedRoundTrip() throws Exception {
        PaymentCompleted completed = new PaymentCompleted("pay-1", "order-1", 1, AMOUNT, "ch_1");
        PaymentRefunded refunded = new PaymentRefunded("pay-1", "order-1", AMOUNT, "re_1");

        assertThat(JSON.readValue(JSON.writeValueAsString(completed), PaymentCompleted.class)).isEqualTo(completed);
        assertThat(JSON.readValue(JSON.writeValueAsString(refunded), PaymentRefunded.class)).isEqualTo(refunded);
    }
}
