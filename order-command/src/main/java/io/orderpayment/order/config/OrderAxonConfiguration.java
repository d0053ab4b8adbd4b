package io.orderpayment.order.config;

import io.orderpayment.axon.saga.SqlQueryingJpaSagaStore;
import io.orderpayment.order.domain.Order;
import io.orderpayment.order.query.OrderProjection;
import io.orderpayment.saga.OrderPaymentSaga;
import io.orderpayment.saga.PaymentPolicy;
import jakarta.persistence.EntityManagerFactory;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.SagaManagerSpanFactory;
import org.axonframework.modelling.saga.repository.jpa.JpaSagaStore;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/** Registers the Order aggregate and the saga (with its store) without putting Spring annotations on them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SagaProperties.class, PaymentEventsProperties.class})
public class OrderAxonConfiguration {

    /** Axon's default name for the saga's streaming processor; its settings live under this name. */
    public static final String SAGA_PROCESSING_GROUP = OrderPaymentSaga.class.getSimpleName() + "Processor";

    @Bean
    ConfigurerModule orderAggregate() {
        return configurer -> configurer.configureAggregate(Order.class);
    }

    @Bean
    ConfigurerModule orderPaymentSaga() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSaga(OrderPaymentSaga.class, saga -> saga.configureSagaManager(OrderAxonConfiguration::sagaManager))
                // A command the saga could not send is retried with its event, never skipped.
                .registerListenerInvocationErrorHandler(SAGA_PROCESSING_GROUP, config -> PropagatingErrorHandler.instance()));
    }

    /** What Axon's saga configurer would build, as the manager that segments sagas by their order (ADR 0022). */
    private static SagaSegmentsByAssociation<OrderPaymentSaga> sagaManager(org.axonframework.config.Configuration config) {
        return new SagaSegmentsByAssociation<>(AnnotatedSagaManager.<OrderPaymentSaga>builder()
                .sagaType(OrderPaymentSaga.class)
                .sagaRepository(config.eventProcessingConfiguration().sagaConfiguration(OrderPaymentSaga.class).repository())
                .parameterResolverFactory(config.parameterResolverFactory())
                .handlerDefinition(config.handlerDefinition(OrderPaymentSaga.class))
                .listenerInvocationErrorHandler(config.eventProcessingConfiguration()
                        .listenerInvocationErrorHandler(SAGA_PROCESSING_GROUP))
                .spanFactory(config.getComponent(SagaManagerSpanFactory.class)),
                OrderPaymentSaga.class);
    }

    /**
     * Axon's JPA saga store, its usual statements written as SQL (ADR 0030), and without flushes: the
     * saga's processor handles up to 100 events in one transaction, and every flush, whether after a
     * saga is stored or before each of the store's JPA queries, checks every entity that transaction
     * holds. Nothing is lost by it: Axon's saga repository reads sagas while the events are handled
     * and writes them only once all are, when the batch commits (ADR 0027), so a query never has a
     * change to see.
     */
    @Bean
    JpaSagaStore sagaStore(Serializer serializer, EntityManagerProvider entityManagerProvider,
                           EntityManagerFactory entityManagerFactory, DataSource dataSource) {
        JpaSagaStore store = new SqlQueryingJpaSagaStore(serializer, entityManagerProvider, dataSource);
        store.setUseExplicitFlush(false);
        SagaStoreQueries.registerWithoutFlush(entityManagerFactory);
        return store;
    }

    /** The saga's handlers take the policy as a parameter. */
    @Bean
    PaymentPolicy paymentPolicy(SagaProperties properties) {
        return properties.paymentPolicy();
    }

    /** A failing projection fails the command, so the read model never silently misses an event. */
    @Bean
    ConfigurerModule orderViewFailuresPropagate() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(OrderProjection.PROCESSING_GROUP, config -> PropagatingErrorHandler.instance()));
    }
}
