package io.orderpayment.operations.health;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Redis only remembers which events the broker confirmed, so a replay does not send them again.
 * Without it forwarding goes on, at least once as ever: DEGRADED, not DOWN.
 */
public class ConfirmCacheHealthIndicator extends AbstractHealthIndicator {

    private final RedisConnectionFactory redis;

    public ConfirmCacheHealthIndicator(RedisConnectionFactory redis) {
        super("Redis health check failed");
        this.redis = redis;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        try (RedisConnection connection = redis.getConnection()) {
            builder.up().withDetail("ping", connection.ping());
        } catch (RuntimeException e) {
            builder.status(Degraded.STATUS)
                    .withDetail("error", String.valueOf(e.getMessage()))
                    .withDetail("effect", "events are still forwarded; a replay may send already confirmed ones again");
        }
    }
}
