package org.kbportal.backend.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * A cancelled reactive request interrupts the thread it ran on. With H2's default file system an
 * interrupt during file I/O closed the whole database (CI saw "The database has been closed" after an
 * upload was refused). The shipped default URL must survive a writer that is interrupted again and again.
 */
class H2InterruptTest {

    @TempDir
    Path dir;

    @Test
    void defaultUrlUsesTheInterruptProofFileSystem() throws Exception {
        PropertySource<?> yml = new YamlPropertySourceLoader()
                .load("backend", new ClassPathResource("backend.yml"))
                .getFirst();
        String url = (String) yml.getProperty("kb.db.url");
        assertThat(url).contains(":jdbc:h2:async:");
        assertThat(DatabaseConfig.interruptSafe("jdbc:h2:async:/x/kb")).isTrue();
        assertThat(DatabaseConfig.interruptSafe("jdbc:h2:file:/x/kb")).isFalse();
        assertThat(DatabaseConfig.interruptSafe("jdbc:h2:/x/kb")).isFalse();
    }

    @Test
    void databaseStaysOpenWhenWritersAreInterrupted() throws Exception {
        String url = "jdbc:h2:async:" + dir.resolve("db/kb") + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("CREATE TABLE t (id INT PRIMARY KEY, body VARCHAR(4000))");
        }
        AtomicInteger written = new AtomicInteger();
        Thread writer = Thread.ofPlatform().start(() -> {
            String body = "x".repeat(3000);
            for (int i = 0; i < 4000; i++) {
                try (Connection c = DriverManager.getConnection(url, "sa", "");
                        PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                    ps.setInt(1, i);
                    ps.setString(2, body);
                    ps.executeUpdate();
                    written.incrementAndGet();
                } catch (SQLException e) {
                    // an interrupted statement may fail; the database must not close
                    Thread.interrupted();
                }
            }
        });
        while (writer.isAlive()) {
            writer.interrupt();
            Thread.sleep(1);
        }
        assertThat(written.get()).isPositive();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(written.get());
            c.createStatement().execute("INSERT INTO t VALUES (-1, 'after')");
        }
        assertThat(Files.exists(dir.resolve("db/kb.mv.db"))).isTrue();
    }
}
