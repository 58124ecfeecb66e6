package org.kbportal.backend.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Why backups read H2 with {@code SNAPSHOT}: a row committed by someone else after the backup's first
 * read stays invisible to every later read of the backup, also in tables not read yet. H2's {@code
 * REPEATABLE READ} fixes each table only at its first read, so it would mix two points in time.
 */
class SnapshotIsolationTest {

    @Test
    void shouldSeeOnePointInTimeAcrossTablesOnH2() throws Exception {
        Path dir = Files.createTempDirectory("kb-snapshot");
        JdbcTarget db = new JdbcTarget("jdbc:h2:file:" + dir + "/db;DB_CLOSE_DELAY=-1", "sa", "");
        try (Connection writer = db.connect()) {
            exec(
                    writer,
                    "CREATE TABLE a (x INT); CREATE TABLE b (x INT); INSERT INTO a VALUES 1; INSERT INTO b VALUES 1");
            try (Connection backup = Snapshot.open(db)) {
                assertThat(count(backup, "a")).isEqualTo(1);
                exec(writer, "INSERT INTO a VALUES 2; INSERT INTO b VALUES 2");
                assertThat(count(backup, "b")).isEqualTo(1);
                assertThat(count(backup, "a")).isEqualTo(1);
                backup.commit();
            }
            try (Connection repeatable = db.connect()) {
                repeatable.setAutoCommit(false);
                repeatable.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                assertThat(count(repeatable, "a")).isEqualTo(2);
                exec(writer, "INSERT INTO b VALUES 3");
                // the table not read before the concurrent commit shows it: not one snapshot
                assertThat(count(repeatable, "b")).isEqualTo(3);
                repeatable.commit();
            }
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
