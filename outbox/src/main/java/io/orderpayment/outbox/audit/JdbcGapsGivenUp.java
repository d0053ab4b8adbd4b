package io.orderpayment.outbox.audit;

import io.orderpayment.axon.eventstore.GapsGivenUp;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.SortedSet;

/** Records the indexes readers gave up on for {@link OutboxAudit}; several readers may report the same one. */
public class JdbcGapsGivenUp implements GapsGivenUp {

    private final JdbcTemplate jdbc;

    public JdbcGapsGivenUp(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void givenUp(SortedSet<Long> globalIndexes) {
        jdbc.update("insert into outbox_audit_gap (global_index) select unnest(?::bigint[]) on conflict do nothing",
                (Object) globalIndexes.toArray(Long[]::new));
    }
}
