package org.kbportal.backend.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.kbportal.backend.system.SafePath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores a backup archive into an empty installation: verifies every checksum, refuses a data
 * directory or database that is not empty, creates the schema with the migrations up to the
 * archive's version, loads all rows in one transaction, copies the files and leaves a marker that
 * makes the next start rebuild the search index. Newer migrations run on that start as usual.
 */
final class Restorer {

    private static final Logger log = LoggerFactory.getLogger(Restorer.class);

    /** The target already holds data: restoring would mix two installations. */
    static final class TargetNotEmpty extends IOException {
        TargetNotEmpty(String message) {
            super(message);
        }
    }

    /** What was restored. */
    record Result(String schemaVersion, long rows, int tables, int files) {}

    private Restorer() {}

    static Result restore(Path archivePath, Path dataDir, Path marker, JdbcTarget db, String actor, ArchiveSeal seal)
            throws IOException, SQLException {
        try (ArchiveReader archive = ArchiveReader.open(archivePath, Archives.JSON, "backup", seal)) {
            Manifest m = archive.manifest();
            log.info(
                    "Restore: archive of {} ({} tables, {} files, schema {}) verified",
                    m.createdAt(),
                    m.tables().size(),
                    m.files(),
                    m.schemaVersion());
            requireEmptyDirectory(dataDir);
            try (Connection c = db.connect()) {
                requireEmptyDatabase(c);
            }
            migrate(db, m.schemaVersion());
            long rows;
            try (Connection c = db.connect()) {
                c.setAutoCommit(false);
                try {
                    Schema schema = Schema.read(c);
                    TableLoader loader = new TableLoader(c, schema, Archives.JSON);
                    loader.clear();
                    loader.loadAll(archive);
                    c.commit();
                } catch (SQLException | IOException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
                rows = m.tables().stream().mapToLong(Manifest.TableEntry::rows).sum();
                record(c, actor, archivePath, m);
            }
            Path files = dataDir.resolve("files");
            int copied = 0;
            for (String rel : archive.files()) {
                Path to;
                try {
                    to = SafePath.under(files, rel);
                } catch (SafePath.UnsafePath e) {
                    throw new ArchiveReader.InvalidArchive("Entry 'files/" + rel + "': " + e.getMessage());
                }
                Files.createDirectories(to.getParent());
                try (InputStream in = archive.open("files/" + rel)) {
                    Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
                }
                copied++;
            }
            Files.createDirectories(dataDir);
            Files.writeString(marker, "restored from " + archivePath.getFileName() + "\n");
            return new Result(m.schemaVersion(), rows, m.tables().size(), copied);
        }
    }

    private static void requireEmptyDirectory(Path dataDir) throws IOException {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            if (entries.findAny().isPresent()) {
                throw new TargetNotEmpty("The data directory " + dataDir + " is not empty; restore only into an empty"
                        + " one (a new KB_DATA_DIR).");
            }
        }
    }

    private static void requireEmptyDatabase(Connection c) throws SQLException, TargetNotEmpty {
        try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            if (rs.next()) {
                throw new TargetNotEmpty("The database already has tables (e.g. " + rs.getString("TABLE_NAME")
                        + "); restore only into an empty database.");
            }
        }
    }

    private static void migrate(JdbcTarget db, String version) throws ArchiveReader.InvalidArchive {
        Flyway flyway = Flyway.configure()
                .dataSource(db.url(), db.username(), db.password())
                .target(MigrationVersion.fromVersion(version))
                // as the backend runs them (spring.flyway.placeholder-replacement=false)
                .placeholderReplacement(false)
                .load();
        boolean known = false;
        for (MigrationInfo i : flyway.info().all()) {
            if (i.getVersion() != null && i.getVersion().getVersion().equals(version)) {
                known = true;
            }
        }
        if (!known) {
            throw new ArchiveReader.InvalidArchive("The archive's schema version " + version
                    + " is newer than this portal's migrations; restore it with the portal version that wrote it.");
        }
        flyway.migrate();
    }

    private static void record(Connection c, String actor, Path archive, Manifest m) throws SQLException {
        c.setAutoCommit(true);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_event (occurred_at, actor, action, target, status, details) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, Instant.now().atOffset(ZoneOffset.UTC));
            ps.setString(2, actor);
            ps.setString(3, "backups.restore");
            ps.setString(4, archive.getFileName().toString());
            ps.setInt(5, 200);
            ps.setString(6, "archive of " + m.createdAt() + ", schema " + m.schemaVersion());
            ps.executeUpdate();
            // the audit chain (V16) links this record at the next start-up
            try (PreparedStatement chain = c.prepareStatement(
                    "UPDATE audit_chain SET pending_until = (SELECT MAX(id) FROM audit_event) WHERE id = 1")) {
                chain.executeUpdate();
            }
        } catch (SQLException e) {
            // an archive from before the audit log: nothing to record into
            log.warn("Restore could not be recorded in the audit log: {}", e.getMessage());
        }
    }
}
