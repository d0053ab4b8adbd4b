package io.orderpayment.outbox.redis;

import io.orderpayment.outbox.ConfirmedEventCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Confirmed event ids in Redis, one key each with a TTL; one round trip per batch for the look-up
 * (MGET) and one for the writes (a script). When Redis fails, the cache says "none known" and stays
 * quiet for a pause, so a Redis outage costs one timeout per pause rather than one per batch.
 * Standalone Redis: in a cluster, one batch's keys would have to share a hash slot.
 */
public class RedisConfirmedEventCache implements ConfirmedEventCache {

    private static final Logger log = LoggerFactory.getLogger(RedisConfirmedEventCache.class);
    /*
     * One command for the whole batch, on the template's shared connection: a pipeline would need
     * a dedicated connection, which without a pool means a new TCP connection (and handshake) for
     * every batch, a fifth of the forwarder's CPU in a profile.
     */
    private static final RedisScript<Long> SET_ALL_WITH_TTL = RedisScript.of("""
            for _, key in ipairs(KEYS) do
              redis.call('SET', key, '1', 'PX', ARGV[1])
            end
            return #KEYS""", Long.class);

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
            redis.execute(SET_ALL_WITH_TTL, eventIds.stream().map(this::key).toList(), Long.toString(ttl.toMillis()));
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
