package io.orderpayment.axon.transaction;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A PostgreSQL advisory lock named within the service's schema (services share a database), held
 * until the current transaction ends: for work one instance at a time should do.
 */
public final class SchemaLock {

    private SchemaLock() {
    }

    /** Takes the lock if nobody holds it; false at once if another transaction does. */
    public static boolean tryLock(JdbcTemplate jdbc, String name) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select pg_try_advisory_xact_lock(hashtext(current_schema() || '.' || ?))", Boolean.class, name));
    }
}
