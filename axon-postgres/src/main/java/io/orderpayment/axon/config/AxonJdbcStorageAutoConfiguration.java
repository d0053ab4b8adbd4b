package io.orderpayment.axon.config;

import io.orderpayment.axon.eventstore.PostgresEventStorageEngine;
import io.orderpayment.axon.jdbc.AxonTables;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLErrorCodesResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Axon's events and processor tokens are stored with plain JDBC, in the tables that its JPA stores
 * used ({@link AxonTables}): Hibernate's entity life cycle cost more CPU than the SQL itself
 * (docs/adr/0019-axon-event-store-on-jdbc.md). The stores join the Spring transaction of the unit
 * of work through the data source, as the services' own JDBC code does. An aggregate, and the
 * head of the stream, are read with one query ({@link PostgresEventStorageEngine}). Sagas stay in
 * Axon's JPA saga store, as the specification has it, with its reads and deletes in SQL
 * ({@link io.orderpayment.axon.saga.SqlQueryingJpaSagaStore}).
 * <p>
 * {@code app.event-store.gap-timeout} (default 10 minutes): how long a reader waits for an event
 * whose global index was taken by a transaction that has not committed yet; Axon's one minute would
 * let a reader that lags by more (a forwarder waiting out a broker outage) skip an event whose
 * transaction commits late. See docs/adr/0014-no-committed-event-is-skipped.md.
 * <p>
 * {@code app.node-id}, when set, is the name under which this instance claims event processor
 * segments, instead of Axon's {@code pid@host}, which is neither readable nor unique when several
 * instances run in containers (every one is pid 1) or in one JVM.
 */
@AutoConfiguration(beforeName = {
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JpaAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration"})
@EnableConfigurationProperties(TokenStoreProperties.class)
public class AxonJdbcStorageAutoConfiguration {

    static final String GAP_TIMEOUT = "app.event-store.gap-timeout";
    private static final Duration DEFAULT_GAP_TIMEOUT = Duration.ofMinutes(10);

    @Bean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    /** Tells a duplicate key (two commands on one aggregate at once) from other failures, by PostgreSQL's codes. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver(DataSource dataSource) throws SQLException {
        return new SQLErrorCodesResolver(dataSource);
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider axonConnectionProvider,
                                          TransactionManager transactionManager, Environment environment) {
        Duration gapTimeout = Binder.get(environment).bind(GAP_TIMEOUT, Duration.class).orElse(DEFAULT_GAP_TIMEOUT);
        return new PostgresEventStorageEngine(JdbcEventStorageEngine.builder()
                .schema(AxonTables.EVENTS)
                .dataType(byte[].class)
                .connectionProvider(axonConnectionProvider)
                .transactionManager(transactionManager)
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .gapTimeout(Math.toIntExact(gapTimeout.toMillis())));
    }

    @Bean
    TokenStore tokenStore(ConnectionProvider axonConnectionProvider, Serializer serializer,
                          TokenStoreProperties tokenStoreProperties, Environment environment) {
        JdbcTokenStore.Builder tokenStore = JdbcTokenStore.builder()
                .schema(AxonTables.TOKENS)
                .contentType(byte[].class)
                .connectionProvider(axonConnectionProvider)
                .serializer(serializer)
                .claimTimeout(tokenStoreProperties.getClaimTimeout());
        String nodeId = environment.getProperty("app.node-id", "");
        if (!nodeId.isBlank()) {
            tokenStore.nodeId(nodeId);
        }
        return tokenStore.build();
    }
}
