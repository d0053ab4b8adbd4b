package io.orderpayment.axon.hibernate;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;

/**
 * Axon's JPA entities mark payloads, tokens and sagas as {@code @Lob}. On PostgreSQL Hibernate 6
 * maps those to {@code oid}, which stores the bytes as large objects that are never cleaned up.
 * This maps them to {@code bytea} instead. Registered in META-INF/services.
 */
public class PostgresByteaTypeContributor implements TypeContributor {

    @Override
    public void contribute(TypeContributions contributions, ServiceRegistry serviceRegistry) {
        if (serviceRegistry.getService(JdbcServices.class).getDialect() instanceof PostgreSQLDialect) {
            contributions.getTypeConfiguration().getJdbcTypeRegistry().addDescriptor(SqlTypes.BLOB, BinaryJdbcType.INSTANCE);
        }
    }
}
