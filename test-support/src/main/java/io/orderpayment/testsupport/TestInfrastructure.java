package io.orderpayment.testsupport;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real local PostgreSQL, RabbitMQ and Redis, and how a test gets a corner of them to itself:
 * its own schema, exchange and Redis key prefix, named after the test so a rerun starts clean.
 */
public record TestInfrastructure(String name) {

    public static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    public String schema() {
        return "it_" + name;
    }

    public String exchange() {
        return "it." + name + ".events";
    }

    public String alternateExchange() {
        return exchange() + ".unrouted";
    }

    /** Where an order service under test takes payment events from (the order service's inbound adapter). */
    public String paymentEventsExchange() {
        return "it." + name + ".payment-events";
    }

    public String paymentEventsQueue() {
        return "it." + name + ".order-service.payment-events";
    }

    /** The payment service's queues under test; an order service under test declares them too. */
    public String paymentRequestQueue() {
        return "it." + name + ".payment-requests";
    }

    public String refundRequestQueue() {
        return "it." + name + ".refund-requests";
    }

    public String redisKeyPrefix() {
        return "it:" + name + ":confirmed:";
    }

    /** Properties that point a service at this test's corner of the infrastructure. */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", 0);
        properties.put("app.database.schema", schema());
        properties.put("app.outbox.exchange", exchange());
        properties.put("app.outbox.confirm-cache.key-prefix", redisKeyPrefix());
        properties.put("app.outbox.confirm-cache.ttl", "1h");
        properties.put("app.outbox.token-claim-interval", "500ms");
        properties.put("app.payment-events.exchange", paymentEventsExchange());
        properties.put("app.queues.payment-events", paymentEventsQueue());
        properties.put("app.queues.payment-requests", paymentRequestQueue());
        properties.put("app.queues.refund-requests", refundRequestQueue());
        return properties;
    }

    /**
     * {@link #properties()} with {@code overrides}, as command-line arguments ({@code --key=value}):
     * they win over application.yml, as an operator's settings would.
     */
    public String[] commandLine(Map<String, Object> overrides) {
        Map<String, Object> properties = properties();
        properties.putAll(overrides);
        return properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
    }

    /** Drops what an earlier run of the same test left behind. */
    public TestInfrastructure reset() {
        postgres().execute("drop schema if exists " + schema() + " cascade");
        deleteRedisKeys();
        RabbitProbe.deleteExchange(exchange(), alternateExchange());
        RabbitProbe.deleteExchange(paymentEventsExchange(), paymentEventsExchange() + ".unrouted");
        RabbitProbe.deleteConsumedQueues(paymentEventsQueue(), paymentRequestQueue(), refundRequestQueue());
        // As the payment service's outbox would: an order service under test binds its queue to it.
        RabbitProbe.declareTopicExchange(paymentEventsExchange(), paymentEventsExchange() + ".unrouted");
        return this;
    }

    /** Starts clean and binds a consumer to everything the service will publish. */
    public RabbitProbe resetWithConsumer() {
        reset();
        RabbitProbe.declareTopicExchange(exchange(), alternateExchange());
        return RabbitProbe.bound(exchange(), "#");
    }

    /** The time left before Redis forgets that {@code eventId} was confirmed; negative when it does not know it. */
    public Duration confirmCacheTtl(String eventId) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory("127.0.0.1", 6379);
        factory.afterPropertiesSet();
        try {
            Long millis = new StringRedisTemplate(factory).getExpire(redisKeyPrefix() + eventId, TimeUnit.MILLISECONDS);
            return Duration.ofMillis(millis == null ? -1 : millis);
        } finally {
            factory.destroy();
        }
    }

    public void deleteRedisKeys() {
        LettuceConnectionFactory factory = new LettuceConnectionFactory("127.0.0.1", 6379);
        factory.afterPropertiesSet();
        try {
            StringRedisTemplate redis = new StringRedisTemplate(factory);
            try (var keys = redis.scan(ScanOptions.scanOptions().match(redisKeyPrefix() + "*").count(1000).build())) {
                keys.forEachRemaining(redis::delete);
            }
        } finally {
            factory.destroy();
        }
    }

    /** A JdbcTemplate on this test's schema, for assertions on what the service stored. */
    public JdbcTemplate database() {
        return new JdbcTemplate(new DriverManagerDataSource(POSTGRES_URL + "?currentSchema=" + schema(), "postgres", "postgres"));
    }

    /** Shares a small pool: a connection of its own per query costs a test tens of milliseconds each time. */
    public static JdbcTemplate postgres() {
        return Postgres.TEMPLATE;
    }

    private static final class Postgres {
        private static final JdbcTemplate TEMPLATE = new JdbcTemplate(pool());

        private static HikariDataSource pool() {
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(POSTGRES_URL);
            pool.setUsername("postgres");
            pool.setPassword("postgres");
            pool.setMaximumPoolSize(2);
            pool.setMinimumIdle(0);
            pool.setPoolName("test-infrastructure");
            return pool;
        }
    }
}
