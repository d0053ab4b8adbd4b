package io.orderpayment.outbox.redis;

import io.orderpayment.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The confirm cache against the local Redis, and against a Redis that is not there. */
class RedisConfirmedEventCacheIT {

    private static final TestInfrastructure INFRASTRUCTURE = new TestInfrastructure("confirm_cache");

    private LettuceConnectionFactory connections;

    @BeforeEach
    void connect() {
        INFRASTRUCTURE.deleteRedisKeys();
        connections = new LettuceConnectionFactory("127.0.0.1", 6379);
        connections.afterPropertiesSet();
    }

    @AfterEach
    void disconnect() {
        connections.destroy();
        INFRASTRUCTURE.deleteRedisKeys();
    }

    @Test
    void remembersAWholeBatchWithItsTtlAndNothingElse() {
        RedisConfirmedEventCache cache = cacheOn(connections, Duration.ofMinutes(30));
        List<String> batch = IntStream.range(0, 500).mapToObj(i -> "event-" + i).toList();

        cache.markConfirmed(batch);

        assertThat(cache.confirmedAmong(List.of("event-0", "event-499", "never-sent")))
                .containsExactlyInAnyOrder("event-0", "event-499");
        assertThat(INFRASTRUCTURE.confirmCacheTtl("event-250"))
                .isGreaterThan(Duration.ofMinutes(29)).isLessThanOrEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void withoutRedisItKnowsNothingAndDoesNotThrow() {
        LettuceConnectionFactory nowhere = new LettuceConnectionFactory("127.0.0.1", 1);
        nowhere.afterPropertiesSet();
        try {
            RedisConfirmedEventCache cache = cacheOn(nowhere, Duration.ofMinutes(30));

            cache.markConfirmed(List.of("event-1"));

            assertThat(cache.confirmedAmong(List.of("event-1"))).isEmpty();
        } finally {
            nowhere.destroy();
        }
    }

    private static RedisConfirmedEventCache cacheOn(LettuceConnectionFactory factory, Duration ttl) {
        return new RedisConfirmedEventCache(new StringRedisTemplate(factory), INFRASTRUCTURE.redisKeyPrefix(), ttl,
                Duration.ofMillis(1), Clock.systemUTC());
    }
}
