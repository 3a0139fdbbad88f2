package io.infusionbridge.sync;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Only a database that cannot be reached is waited for; a statement it refused is a real failure. */
class MirrorUnreachableTest {

    @Test
    void connection_failures_count_as_unreachable_wherever_they_sit_in_the_cause_chain() {
        assertThat(MirrorUnreachable.isUnreachable(new SQLTransientConnectionException("pool timed out"))).isTrue();
        assertThat(MirrorUnreachable.isUnreachable(new IllegalStateException(new SQLException("I/O error", "08006")))).isTrue();
        assertThat(MirrorUnreachable.isUnreachable(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
    }

    @Test
    void a_refused_statement_or_no_sql_error_at_all_is_not_an_outage() {
        assertThat(MirrorUnreachable.isUnreachable(new SQLException("duplicate key value violates unique constraint", "23505"))).isFalse();
        assertThat(MirrorUnreachable.isUnreachable(new SQLException("no state"))).isFalse();
        assertThat(MirrorUnreachable.isUnreachable(new IllegalArgumentException("bad row"))).isFalse();
        assertThat(MirrorUnreachable.isUnreachable(null)).isFalse();
    }
}
