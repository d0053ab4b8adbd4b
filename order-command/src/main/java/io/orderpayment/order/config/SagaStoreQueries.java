package io.orderpayment.order.config;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.FlushModeType;

import java.util.List;

/** The named queries Axon's {@code JpaSagaStore} registers, and the flush mode they run with here. */
public final class SagaStoreQueries {

    /** Axon 4's names for them; an unknown name fails the start-up, so a renamed one is noticed. */
    public static final List<String> NAMES = List.of(
            "LOAD_SAGA_NAMED_QUERY", "FIND_ASSOCIATION_IDS_NAMED_QUERY", "FIND_ASSOCIATIONS_NAMED_QUERY",
            "UPDATE_SAGA_NAMED_QUERY", "DELETE_ASSOCIATION_NAMED_QUERY", "DELETE_ASSOCIATIONS_NAMED_QUERY",
            "DELETE_SAGA_NAMED_QUERY");

    private SagaStoreQueries() {
    }

    /**
     * Registers each of the store's queries again, flushing only at commit: JPA keeps the flush mode
     * of a query registered by name, and Hibernate otherwise flushes (checking every entity of the
     * transaction) before each of them.
     */
    static void registerWithoutFlush(EntityManagerFactory factory) {
        try (EntityManager entityManager = factory.createEntityManager()) {
            for (String name : NAMES) {
                factory.addNamedQuery(name, entityManager.createNamedQuery(name).setFlushMode(FlushModeType.COMMIT));
            }
        }
    }
}
