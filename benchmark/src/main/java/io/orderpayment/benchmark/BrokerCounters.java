package io.orderpayment.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * RabbitMQ's own counts of the messages published to its exchanges and delivered to consumers since
 * it started, from its management API (port 15672, guest): counts that do not drift with the
 * machine's speed. Empty when the management API does not answer.
 */
record BrokerCounters(long published, long delivered) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static Optional<BrokerCounters> now() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:15672/api/overview"))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("guest:guest".getBytes(StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode stats = new ObjectMapper().readTree(response.body()).path("message_stats");
            return Optional.of(new BrokerCounters(stats.path("publish").asLong(), stats.path("deliver_get").asLong()));
        } catch (Exception unavailable) {
            return Optional.empty();
        }
    }

    BrokerCounters minus(BrokerCounters earlier) {
        return new BrokerCounters(published - earlier.published, delivered - earlier.delivered);
    }
}
