package io.orderpayment.order.it;

import io.orderpayment.axon.saga.SqlQueryingJpaSagaStore;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValuesImpl;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The saga store as the saga's repository uses it, each step in a transaction of its own: sagas
 * stored through JPA are found, loaded and deleted by the store's SQL, with their associations.
 */
class SagaStoreIT extends SharedOrderServiceIT {

    /** A saga's state as Jackson stores it. */
    record ParcelSaga(String parcelId, int reminders) {
    }

    /** Another saga type: its associations must not be mistaken for the first one's. */
    record InvoiceSaga(String parcelId) {
    }

    @Autowired
    SagaStore<Object> store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void theStoreIsAxonsJpaStoreWithItsQueriesInSql() {
        assertThat(store).isInstanceOf(SqlQueryingJpaSagaStore.class);
    }

    @Test
    void aStoredSagaIsFoundByEachOfItsAssociationsAndLoadedWithAllOfThem() {
        String sagaId = UUID.randomUUID().toString();
        AssociationValue parcel = new AssociationValue("parcelId", "parcel-" + sagaId);
        AssociationValue customer = new AssociationValue("customerId", "customer-" + sagaId);
        inTransaction(() -> store.insertSaga(ParcelSaga.class, sagaId, new ParcelSaga("parcel-" + sagaId, 2), Set.of(parcel, customer)));

        assertThat(inTransaction(() -> store.findSagas(ParcelSaga.class, parcel))).containsExactly(sagaId);
        assertThat(inTransaction(() -> store.findSagas(ParcelSaga.class, customer))).containsExactly(sagaId);
        SagaStore.Entry<ParcelSaga> loaded = inTransaction(() -> store.loadSaga(ParcelSaga.class, sagaId));
        assertThat(loaded.saga()).isEqualTo(new ParcelSaga("parcel-" + sagaId, 2));
        assertThat(loaded.associationValues()).containsExactlyInAnyOrder(parcel, customer);
    }

    @Test
    void aSagaOfAnotherTypeWithTheSameAssociationIsNeitherFoundNorLoadedAsOne() {
        String parcelSagaId = UUID.randomUUID().toString();
        String invoiceSagaId = UUID.randomUUID().toString();
        AssociationValue parcel = new AssociationValue("parcelId", "parcel-" + parcelSagaId);
        inTransaction(() -> {
            store.insertSaga(ParcelSaga.class, parcelSagaId, new ParcelSaga("parcel-" + parcelSagaId, 0), Set.of(parcel));
            store.insertSaga(InvoiceSaga.class, invoiceSagaId, new InvoiceSaga("parcel-" + parcelSagaId), Set.of(parcel));
        });

        assertThat(inTransaction(() -> store.findSagas(ParcelSaga.class, parcel))).containsExactly(parcelSagaId);
        assertThat(inTransaction(() -> store.findSagas(InvoiceSaga.class, parcel))).containsExactly(invoiceSagaId);
        // Axon's store reads only the associations stored for the type asked for.
        assertThat(inTransaction(() -> store.loadSaga(ParcelSaga.class, invoiceSagaId)).associationValues()).isEmpty();
    }

    @Test
    void aSagaWithoutAssociationsIsLoaded() {
        String sagaId = UUID.randomUUID().toString();
        inTransaction(() -> store.insertSaga(ParcelSaga.class, sagaId, new ParcelSaga("parcel-" + sagaId, 1), Set.of()));

        SagaStore.Entry<ParcelSaga> loaded = inTransaction(() -> store.loadSaga(ParcelSaga.class, sagaId));
        assertThat(loaded.saga()).isEqualTo(new ParcelSaga("parcel-" + sagaId, 1));
        assertThat(loaded.associationValues()).isEmpty();
    }

    @Test
    void anUnknownSagaIsNeitherFoundNorLoaded() {
        String sagaId = UUID.randomUUID().toString();

        assertThat(inTransaction(() -> store.findSagas(ParcelSaga.class, new AssociationValue("parcelId", sagaId)))).isEmpty();
        assertThat(inTransaction(() -> store.<ParcelSaga>loadSaga(ParcelSaga.class, sagaId))).isNull();
    }

    @Test
    void anUpdatedSagaIsFoundByTheAssociationsItGainedAndNotByThoseItLost() {
        String sagaId = UUID.randomUUID().toString();
        AssociationValue parcel = new AssociationValue("parcelId", "parcel-" + sagaId);
        AssociationValue courier = new AssociationValue("courierId", "courier-" + sagaId);
        inTransaction(() -> store.insertSaga(ParcelSaga.class, sagaId, new ParcelSaga("parcel-" + sagaId, 0), Set.of(parcel)));

        AssociationValuesImpl changes = new AssociationValuesImpl(Set.of(parcel));
        changes.add(courier);
        changes.remove(parcel);
        inTransaction(() -> store.updateSaga(ParcelSaga.class, sagaId, new ParcelSaga("parcel-" + sagaId, 3), changes));

        assertThat(inTransaction(() -> store.findSagas(ParcelSaga.class, parcel))).isEmpty();
        assertThat(inTransaction(() -> store.findSagas(ParcelSaga.class, courier))).containsExactly(sagaId);
        SagaStore.Entry<ParcelSaga> loaded = inTransaction(() -> store.loadSaga(ParcelSaga.class, sagaId));
        assertThat(loaded.saga().reminders()).isEqualTo(3);
        assertThat(loaded.associationValues()).containsExactly(courier);
    }

    @Test
    void aDeletedSagaLeavesNoRowsAndOtherSagasWithTheSameAssociationStay() {
        String endedId = UUID.randomUUID().toString();
        String otherId = UUID.randomUUID().toString();
        AssociationValue parcel = new AssociationValue("parcelId", "parcel-" + endedId);
        AssociationValue customer = new AssociationValue("customerId", "customer-" + endedId);
        inTransaction(() -> {
            store.insertSaga(ParcelSaga.class, endedId, new ParcelSaga("parcel-" + endedId, 0), Set.of(parcel, customer));
            store.insertSaga(ParcelSaga.class, otherId, new ParcelSaga("parcel-" + endedId, 0), Set.of(parcel));
        });

        inTransaction(() -> store.deleteSaga(ParcelSaga.class, endedId, Set.of(parcel, customer)));

        assertThat(inTransaction(() -> store.findSagas(ParcelSaga.class, parcel))).containsExactly(otherId);
        assertThat(inTransaction(() -> store.<ParcelSaga>loadSaga(ParcelSaga.class, endedId))).isNull();
        assertThat(jdbc.queryForObject("select count(*) from saga_entry where saga_id = ?", Long.class, endedId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from association_value_entry where saga_id = ?", Long.class, endedId))
                .isZero();
        assertThat(inTransaction(() -> store.loadSaga(ParcelSaga.class, otherId)).associationValues()).containsExactly(parcel);
    }

    @Test
    void aDeleteThatFailsLaterInItsTransactionLeavesTheSagaWhole() {
        String sagaId = UUID.randomUUID().toString();
        AssociationValue parcel = new AssociationValue("parcelId", "parcel-" + sagaId);
        inTransaction(() -> store.insertSaga(ParcelSaga.class, sagaId, new ParcelSaga("parcel-" + sagaId, 0), Set.of(parcel)));

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            store.deleteSaga(ParcelSaga.class, sagaId, Set.of(parcel));
            status.setRollbackOnly();
        });

        assertThat(inTransaction(() -> store.findSagas(ParcelSaga.class, parcel))).containsExactly(sagaId);
        assertThat(inTransaction(() -> store.loadSaga(ParcelSaga.class, sagaId)).associationValues()).containsExactly(parcel);
    }

    private <T> T inTransaction(Supplier<T> work) {
        return new TransactionTemplate(transactionManager).execute(status -> work.get());
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> work.run());
    }
}
