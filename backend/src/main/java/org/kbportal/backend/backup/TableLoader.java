package org.kbportal.backend.backup;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectMapper;

/**
 * Loads the tables of a verified archive into an emptied database, in foreign-key order. Columns
 * that point at the same table or at a later one (a category's parent) are inserted empty and filled
 * in once every row is there. Identity columns are then moved past the highest loaded value, so new
 * rows get fresh ids ({@code ALTER TABLE ... ALTER COLUMN ... RESTART WITH}, the same on H2 and
 * PostgreSQL).
 */
final class TableLoader {

    private static final int BATCH = 500;

    private final Connection c;
    private final Schema schema;
    private final ObjectMapper json;

    TableLoader(Connection c, Schema schema, ObjectMapper json) {
        this.c = c;
        this.schema = schema;
        this.json = json;
    }

    /** Deletes every row of every table (children first). */
    void clear() throws SQLException {
        List<Schema.Table> order = schema.loadOrder();
        try (Statement s = c.createStatement()) {
            for (int i = order.size() - 1; i >= 0; i--) {
                Schema.Table t = order.get(i);
                for (String col : Schema.deferred(t, order)) {
                    Schema.Column column = t.column(col);
                    if (column.nullable()) {
                        s.executeUpdate("UPDATE " + schema.q(t.name()) + " SET " + schema.q(column.name()) + " = NULL");
                    }
                }
            }
            for (int i = order.size() - 1; i >= 0; i--) {
                s.executeUpdate("DELETE FROM " + schema.q(order.get(i).name()));
            }
        }
    }

    /** Loads every table of the archive; fails when the archive's tables or columns do not fit. */
    void loadAll(ArchiveReader archive) throws SQLException, IOException {
        Map<String, Manifest.TableEntry> inArchive = new HashMap<>();
        for (Manifest.TableEntry t : archive.manifest().tables()) {
            if (schema.table(t.name()) == null) {
                throw new ArchiveReader.InvalidArchive("Table '" + t.name() + "' of the archive does not exist in"
                        + " this database at schema version "
                        + archive.manifest().schemaVersion() + ".");
            }
            inArchive.put(t.name().toLowerCase(Locale.ROOT), t);
        }
        List<Schema.Table> order = schema.loadOrder();
        for (Schema.Table t : order) {
            Manifest.TableEntry entry = inArchive.get(t.key());
            if (entry == null) {
                continue;
            }
            Set<String> deferred = Schema.deferred(t, order);
            long rows = insertRows(t, entry, archive, deferred);
            if (rows != entry.rows()) {
                throw new ArchiveReader.InvalidArchive("Table '" + t.key() + "': the manifest says " + entry.rows()
                        + " rows, the data has " + rows + ".");
            }
        }
        for (Schema.Table t : order) {
            Manifest.TableEntry entry = inArchive.get(t.key());
            Set<String> deferred = Schema.deferred(t, order);
            if (entry != null && !deferred.isEmpty()) {
                fillDeferred(t, entry, archive, deferred);
            }
        }
        restartIdentities();
    }

    private long insertRows(Schema.Table t, Manifest.TableEntry entry, ArchiveReader archive, Set<String> deferred)
            throws SQLException, IOException {
        List<Schema.Column> columns = new ArrayList<>();
        for (Manifest.ColumnEntry ce : entry.columns()) {
            Schema.Column col = t.column(ce.name());
            if (col == null) {
                throw new ArchiveReader.InvalidArchive(
                        "Column '" + ce.name() + "' of table '" + t.key() + "' does not exist in this database.");
            }
            columns.add(col);
        }
        String sql = "INSERT INTO " + schema.q(t.name()) + " ("
                + columns.stream().map(col -> schema.q(col.name())).collect(Collectors.joining(", "))
                + ") VALUES (" + columns.stream().map(col -> "?").collect(Collectors.joining(", ")) + ")";
        long rows = 0;
        try (PreparedStatement ps = c.prepareStatement(sql);
                InputStream in = archive.open(Manifest.tablePath(entry.name()));
                MappingIterator<JsonNode> it = json.readerFor(JsonNode.class).readValues(in)) {
            int pending = 0;
            while (it.hasNextValue()) {
                JsonNode row = it.nextValue();
                for (int i = 0; i < columns.size(); i++) {
                    Schema.Column col = columns.get(i);
                    String key = col.name().toLowerCase(Locale.ROOT);
                    RowCodec.bind(ps, i + 1, col.type(), deferred.contains(key) ? null : row.get(key));
                }
                ps.addBatch();
                rows++;
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
        return rows;
    }

    private void fillDeferred(Schema.Table t, Manifest.TableEntry entry, ArchiveReader archive, Set<String> deferred)
            throws SQLException, IOException {
        if (t.primaryKey().isEmpty()) {
            throw new ArchiveReader.InvalidArchive(
                    "Table '" + t.key() + "' refers to itself but has no primary key; it cannot be restored.");
        }
        List<Schema.Column> set = deferred.stream().map(t::column).toList();
        List<Schema.Column> key = t.primaryKey().stream().map(t::column).toList();
        String sql = "UPDATE " + schema.q(t.name()) + " SET "
                + set.stream().map(col -> schema.q(col.name()) + " = ?").collect(Collectors.joining(", "))
                + " WHERE "
                + key.stream().map(col -> schema.q(col.name()) + " = ?").collect(Collectors.joining(" AND "));
        try (PreparedStatement ps = c.prepareStatement(sql);
                InputStream in = archive.open(Manifest.tablePath(entry.name()));
                MappingIterator<JsonNode> it = json.readerFor(JsonNode.class).readValues(in)) {
            while (it.hasNextValue()) {
                JsonNode row = it.nextValue();
                boolean any = set.stream().anyMatch(col -> {
                    JsonNode v = row.get(col.name().toLowerCase(Locale.ROOT));
                    return v != null && !v.isNull();
                });
                if (!any) {
                    continue;
                }
                int i = 1;
                for (Schema.Column col : set) {
                    RowCodec.bind(ps, i++, col.type(), row.get(col.name().toLowerCase(Locale.ROOT)));
                }
                for (Schema.Column col : key) {
                    RowCodec.bind(ps, i++, col.type(), row.get(col.name().toLowerCase(Locale.ROOT)));
                }
                ps.executeUpdate();
            }
        }
    }

    /** Moves every identity column past the highest value in its table. */
    void restartIdentities() throws SQLException {
        for (Schema.Table t : schema.tables().values()) {
            for (Schema.Column col : t.columns()) {
                if (!col.identity() || !"int".equals(col.type())) {
                    continue;
                }
                long next;
                try (Statement s = c.createStatement();
                        ResultSet rs =
                                s.executeQuery("SELECT MAX(" + schema.q(col.name()) + ") FROM " + schema.q(t.name()))) {
                    rs.next();
                    next = rs.getLong(1) + 1;
                }
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE " + schema.q(t.name()) + " ALTER COLUMN " + schema.q(col.name())
                            + " RESTART WITH " + next);
                }
            }
        }
    }
}
