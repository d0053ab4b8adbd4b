package io.orderpayment.axon.saga;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.repository.jpa.JpaSagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Axon's JPA saga store, its entities and tables, with the statements of a saga's usual life as SQL
 * on the transaction's connection: finding a saga by association, loading it with its associations
 * in one query, deleting it with its associations in one statement. Hibernate 6 translated each
 * of Axon's bulk deletes anew every time and built its query results through its generic row
 * readers: the store was 40 % of the saga's processor threads (docs/adr/0030). Sagas are still
 * inserted and updated through JPA.
 * <p>
 * Writing with SQL while the inserts wait for JPA's flush at commit is safe for the reason the
 * store's queries may skip the flush (docs/adr/0027): Axon's saga repository only reads while a
 * batch's events are handled, then writes each saga once, and deletes only sagas that an earlier
 * transaction stored.
 */
public class SqlQueryingJpaSagaStore extends JpaSagaStore {

    private static final String FIND = """
            select saga_id from association_value_entry
            where association_key = ? and association_value = ? and saga_type = ?""";
    private static final String LOAD = """
            select s.serialized_saga, s.saga_type, s.revision, a.association_key, a.association_value
            from saga_entry s left join association_value_entry a on a.saga_id = s.saga_id and a.saga_type = ?
            where s.saga_id = ?""";
    private static final String DELETE = """
            with associations as (delete from association_value_entry where saga_id = ?)
            delete from saga_entry where saga_id = ?""";

    private final Serializer serializer;
    private final JdbcTemplate jdbc;

    /** @param dataSource the one whose connection the JPA transaction holds, so that both write in one transaction */
    public SqlQueryingJpaSagaStore(Serializer serializer, EntityManagerProvider entityManagerProvider, DataSource dataSource) {
        super(JpaSagaStore.builder().serializer(serializer).entityManagerProvider(entityManagerProvider));
        this.serializer = serializer;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public Set<String> findSagas(Class<?> sagaType, AssociationValue associationValue) {
        return new TreeSet<>(jdbc.queryForList(FIND, String.class,
                associationValue.getKey(), associationValue.getValue(), typeName(sagaType)));
    }

    @Override
    public <S> Entry<S> loadSaga(Class<S> sagaType, String sagaIdentifier) {
        List<Row> rows = jdbc.query(LOAD, (resultSet, rowNumber) -> new Row(
                new SimpleSerializedObject<>(resultSet.getBytes(1), byte[].class, resultSet.getString(2), resultSet.getString(3)),
                resultSet.getString(4) == null ? null : new AssociationValue(resultSet.getString(4), resultSet.getString(5))),
                typeName(sagaType), sagaIdentifier);
        if (rows.isEmpty()) {
            return null;
        }
        Set<AssociationValue> associationValues = new HashSet<>();
        rows.stream().map(Row::associationValue).filter(Objects::nonNull).forEach(associationValues::add);
        S saga = serializer.deserialize(rows.get(0).saga());
        return new Loaded<>(associationValues, saga);
    }

    @Override
    public void deleteSaga(Class<?> sagaType, String sagaIdentifier, Set<AssociationValue> associationValues) {
        jdbc.update(DELETE, sagaIdentifier, sagaIdentifier);
    }

    private String typeName(Class<?> sagaType) {
        return serializer.typeForClass(sagaType).getName();
    }

    private record Row(SimpleSerializedObject<byte[]> saga, AssociationValue associationValue) {
    }

    private record Loaded<S>(Set<AssociationValue> associationValues, S saga) implements Entry<S> {
    }
}
