package org.kbportal.backend.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.kbportal.backend.system.SafePath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes a consistent copy of the database and the uploaded files into one archive. All tables are
 * read in one read-only transaction that sees a single snapshot: {@code REPEATABLE READ} on
 * PostgreSQL (its snapshot covers every table from the first query), {@code SNAPSHOT} on H2 (H2's
 * {@code REPEATABLE READ} fixes each table only at its first read; {@code SnapshotIsolationTest} shows
 * the difference). Stored files never change once written, so the files listed right after the snapshot
 * began are exactly the ones its rows can refer to (plus, at most, some stored a moment later).
 */
final class Snapshot {

    private static final Logger log = LoggerFactory.getLogger(Snapshot.class);
    private static final int FETCH = 500;

    /** Reports progress: tables and files written so far, of how many. */
    interface Progress {
        void update(int tablesDone, int tablesTotal, int filesDone, int filesTotal);
    }

    private Snapshot() {}

    /** Opens a read-only transaction that sees one snapshot of the whole database. */
    static Connection open(JdbcTarget target) throws SQLException {
        Connection c = target.connect();
        c.setAutoCommit(false);
        if (target.isH2()) {
            try (Statement s = c.createStatement()) {
                s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
            }
        } else {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        }
        c.setReadOnly(true);
        return c;
    }

    /** The Flyway version the database is at; the first read, so it also pins the snapshot. */
    static String schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"" + Schema.FLYWAY_HISTORY
                        + "\" WHERE \"success\" = TRUE AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC")) {
            return rs.next() ? rs.getString(1) : "0";
        }
    }

    static Manifest write(
            JdbcTarget target,
            Path filesDir,
            OutputStream out,
            String kind,
            Predicate<String> includeTable,
            Function<Schema, Map<String, String>> rowFilters,
            ObjectMapper json,
            Progress progress,
            ArchiveSeal seal)
            throws SQLException, IOException {
        try (Connection c = open(target);
                ArchiveWriter zip = new ArchiveWriter(out, seal)) {
            Instant createdAt = Instant.now();
            String schemaVersion = schemaVersion(c);
            Schema schema = Schema.read(c);
            Map<String, String> where = rowFilters.apply(schema);
            List<Path> files =
                    filesDir == null ? List.of() : referencedFiles(c, schema, filesDir, where.get(STORED_FILES));
            List<Schema.Table> tables = schema.tables().values().stream()
                    .filter(t -> includeTable.test(t.key()))
                    .toList();
            List<Manifest.TableEntry> entries = new ArrayList<>();
            int done = 0;
            progress.update(0, tables.size(), 0, files.size());
            for (Schema.Table t : tables) {
                long[] rows = {0};
                zip.entry(
                        Manifest.tablePath(t.key()),
                        o -> rows[0] = writeRows(c, schema, t, where.get(t.key()), o, json));
                entries.add(new Manifest.TableEntry(
                        t.key(),
                        rows[0],
                        t.columns().stream()
                                .map(col -> new Manifest.ColumnEntry(
                                        col.name().toLowerCase(java.util.Locale.ROOT), col.type()))
                                .toList()));
                progress.update(++done, tables.size(), 0, files.size());
            }
            c.commit();
            int copied = 0;
            for (Path f : files) {
                String rel = filesDir.relativize(f).toString().replace('\\', '/');
                try {
                    zip.file("files/" + rel, f);
                    copied++;
                } catch (NoSuchFileException e) {
                    log.warn("Backup: file {} was deleted while the backup ran; left out", rel);
                }
                progress.update(done, tables.size(), copied, files.size());
            }
            Manifest m = new Manifest(
                    Manifest.FORMAT,
                    kind,
                    appVersion(),
                    schemaVersion,
                    c.getMetaData().getDatabaseProductName(),
                    createdAt,
                    entries,
                    copied,
                    zip.digests());
            zip.manifest(m, json);
            return m;
        }
    }

    private static long writeRows(
            Connection c, Schema schema, Schema.Table t, String where, OutputStream out, ObjectMapper json)
            throws IOException {
        String columns = t.columns().stream().map(col -> schema.q(col.name())).collect(Collectors.joining(", "));
        String order = t.primaryKey().isEmpty()
                ? ""
                : " ORDER BY " + t.primaryKey().stream().map(schema::q).collect(Collectors.joining(", "));
        long rows = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + columns + " FROM " + schema.q(t.name())
                + (where == null ? "" : " WHERE " + where) + order)) {
            ps.setFetchSize(FETCH);
            try (ResultSet rs = ps.executeQuery();
                    JsonGenerator g = json.writer()
                            .without(tools.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
                            .withRootValueSeparator((String) null)
                            .createGenerator(out)) {
                while (rs.next()) {
                    g.writeStartObject();
                    for (int i = 0; i < t.columns().size(); i++) {
                        Schema.Column col = t.columns().get(i);
                        g.writeName(col.name().toLowerCase(java.util.Locale.ROOT));
                        RowCodec.write(g, rs, i + 1, col.type());
                    }
                    g.writeEndObject();
                    g.writeRaw('\n');
                    rows++;
                }
            }
        } catch (SQLException e) {
            throw new IOException("Reading table " + t.name() + " failed: " + e.getMessage(), e);
        }
        return rows;
    }

    /**
     * The files the snapshot's {@code stored_file} rows refer to (a row is written only once its file
     * is in place, and files never change); without that table, every file but unfinished uploads.
     */
    static List<Path> referencedFiles(Connection c, Schema schema, Path dir, String where)
            throws IOException, SQLException {
        Schema.Table stored = schema.table(STORED_FILES);
        if (stored != null && stored.column(REL_PATH) != null) {
            List<Path> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT " + schema.q(stored.column(REL_PATH).name()) + " FROM " + schema.q(stored.name())
                                    // the same rows as the archive's stored_file table (a knowledge export: only
                                    // the files its rows refer to, not question attachments)
                                    + (where == null ? "" : " WHERE " + where)
                                    + " ORDER BY 1")) {
                while (rs.next()) {
                    try {
                        out.add(SafePath.under(dir, rs.getString(1)));
                    } catch (SafePath.UnsafePath e) {
                        // a row naming a path outside the files directory is not followed
                    }
                }
            }
            return out;
        }
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !dir.relativize(p).startsWith(".tmp"))
                    .sorted()
                    .toList();
        }
    }

    static final String STORED_FILES = "stored_file";
    private static final String REL_PATH = "rel_path";

    static String appVersion() {
        String v = Snapshot.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
