package io.orderpayment.outbox.redis;

import io.orderpayment.outbox.ConfirmedEventCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.types.Expiration;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Confirmed event ids in Redis, one key each with a TTL; one round trip per batch for the look-up
 * and one (pipelined) for the writes. When Redis fails, the cache says "none known" and stays
 * quiet for a pause, so a Redis outage costs one timeout per pause rather than one per batch.
 */
public class RedisConfirmedEventCache implements ConfirmedEventCache {

    private static final Logger log = LoggerFactory.getLogger(RedisConfirmedEventCache.class);
    private static final byte[] CONFIRMED = "1".getBytes(StandardCharsets.UTF_8);

    private final StringRedisTemplate redis;
    private final String keyPrefix;
    private final Duration ttl;
    private final Duration pauseAfterFailure;
    private final Clock clock;
    private volatile Instant pausedUntil = Instant.MIN;

    public RedisConfirmedEventCache(StringRedisTemplate redis, String keyPrefix, Duration ttl,
                                    Duration pauseAfterFailure, Clock clock) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.ttl = ttl;
        this.pauseAfterFailure = pauseAfterFailure;
        this.clock = clock;
    }

    @Override
    public Set<String> confirmedAmong(Collection<String> eventIds) {
        if (eventIds.isEmpty() || paused()) {
            return Set.of();
        }
        List<String> ids = List.copyOf(eventIds);
        try {
            List<String> values = redis.opsForValue().multiGet(ids.stream().map(this::key).toList());
            Set<String> confirmed = new HashSet<>();
            for (int i = 0; values != null && i < ids.size(); i++) {
                if (values.get(i) != null) {
                    confirmed.add(ids.get(i));
                }
            }
            return confirmed;
        } catch (RuntimeException e) {
            pause(e);
            return Set.of();
        }
    }

    @Override
    public void markConfirmed(Collection<String> eventIds) {
        if (eventIds.isEmpty() || paused()) {
            return;
        }
        try {
            Expiration expiration = Expiration.from(ttl);
            redis.executePipelined((RedisCallback<Object>) connection -> {
                for (String id : eventIds) {
                    connection.stringCommands().set(key(id).getBytes(StandardCharsets.UTF_8), CONFIRMED,
                            expiration, SetOption.upsert());
                }
                return null;
            });
        } catch (RuntimeException e) {
            pause(e);
        }
    }

    private String key(String eventId) {
        return keyPrefix + eventId;
    }

    private boolean paused() {
        return clock.instant().isBefore(pausedUntil);
    }

    private void pause(RuntimeException cause) {
        pausedUntil = clock.instant().plus(pauseAfterFailure);
        log.warn("Confirm cache unavailable ({}); forwarding goes on without it for {}", cause.getMessage(), pauseAfterFailure);
    }
}
