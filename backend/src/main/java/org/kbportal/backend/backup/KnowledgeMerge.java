package org.kbportal.backend.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.kbportal.backend.system.SafePath;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;

/**
 * Merges a knowledge export into this installation's database, in one transaction. Rows are matched
 * by primary key: {@code skip} keeps the existing row, {@code overwrite} replaces its columns. Rows
 * keyed by a generated number (synonym groups) have no meaning across installations: they are matched
 * by their content instead (every column but the key and {@code *_at}/{@code *_by}) and inserted
 * with a new key when no equal row exists. Every imported article is queued for indexing; the files
 * of imported {@code stored_file} rows are copied.
 */
final class KnowledgeMerge {

    /** Rows inserted, updated and skipped per table, files copied. */
    record Result(
            String mode,
            Map<String, Integer> inserted,
            Map<String, Integer> updated,
            Map<String, Integer> skipped,
            int files) {}

    private final Connection c;
    private final Schema schema;
    private final boolean overwrite;
    private final Map<String, Integer> inserted = new TreeMap<>();
    private final Map<String, Integer> updated = new TreeMap<>();
    private final Map<String, Integer> skipped = new TreeMap<>();
    private final Set<String> articles = new HashSet<>();
    private final List<String> newFiles = new ArrayList<>();

    KnowledgeMerge(Connection c, Schema schema, boolean overwrite) {
        this.c = c;
        this.schema = schema;
        this.overwrite = overwrite;
    }

    /**
     * Merges the rows, then copies the files of newly inserted {@code stored_file} rows, adding each
     * file it creates to {@code written} so that the caller can remove them if the transaction fails.
     * The archive has passed {@link KnowledgeImportCheck} before.
     */
    Result merge(ArchiveReader archive, Path filesDir, List<Path> written) throws SQLException, IOException {
        Map<String, Manifest.TableEntry> entries = new TreeMap<>();
        for (Manifest.TableEntry t : archive.manifest().tables()) {
            if (schema.table(t.name()) == null) {
                throw new ArchiveReader.InvalidArchive("Table '" + t.name() + "' does not exist here.");
            }
            entries.put(t.name().toLowerCase(Locale.ROOT), t);
        }
        List<Schema.Table> order = schema.loadOrder();
        for (Schema.Table t : order) {
            Manifest.TableEntry e = entries.get(t.key());
            if (e != null) {
                table(t, e, archive, Schema.deferred(t, order));
            }
        }
        queueForIndexing();
        int copied = 0;
        for (String rel : newFiles) {
            if (!archive.manifest().entries().containsKey("files/" + rel)) {
                continue;
            }
            Path to;
            try {
                to = SafePath.under(filesDir, rel);
            } catch (SafePath.UnsafePath e) {
                throw new ArchiveReader.InvalidArchive(e.getMessage());
            }
            if (!Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(to.getParent());
                try (InputStream in = archive.open("files/" + rel)) {
                    Files.copy(in, to);
                }
                written.add(to);
                copied++;
            }
        }
        return new Result(overwrite ? "overwrite" : "skip", inserted, updated, skipped, copied);
    }

    private void table(Schema.Table t, Manifest.TableEntry e, ArchiveReader archive, Set<String> deferred)
            throws SQLException, IOException {
        List<Schema.Column> columns = new ArrayList<>();
        for (Manifest.ColumnEntry ce : e.columns()) {
            Schema.Column col = t.column(ce.name());
            if (col == null) {
                throw new ArchiveReader.InvalidArchive(
                        "Column '" + ce.name() + "' of '" + t.key() + "' does not exist here.");
            }
            columns.add(col);
        }
        List<Schema.Column> key = t.primaryKey().stream().map(t::column).toList();
        boolean generatedKey = key.size() == 1 && key.get(0).identity();
        List<Schema.Column> match = generatedKey
                ? columns.stream()
                        .filter(col -> !key.contains(col))
                        .filter(col -> {
                            String n = col.name().toLowerCase(Locale.ROOT);
                            return !n.endsWith("_at") && !n.endsWith("_by");
                        })
                        .toList()
                : key;
        if (match.isEmpty()) {
            throw new ArchiveReader.InvalidArchive("Table '" + t.key() + "' has no key to merge by.");
        }
        List<Schema.Column> insertColumns = generatedKey
                ? columns.stream().filter(col -> !key.contains(col)).toList()
                : columns;
        List<Schema.Column> updateColumns =
                columns.stream().filter(col -> !key.contains(col)).toList();
        List<JsonNode> touched = new ArrayList<>();
        try (PreparedStatement insert = c.prepareStatement(insertSql(t, insertColumns));
                PreparedStatement update = updateColumns.isEmpty() || generatedKey
                        ? null
                        : c.prepareStatement(updateSql(t, updateColumns, key));
                InputStream in = archive.open(Manifest.tablePath(e.name()));
                MappingIterator<JsonNode> it =
                        Archives.JSON.readerFor(JsonNode.class).readValues(in)) {
            while (it.hasNextValue()) {
                JsonNode row = it.nextValue();
                boolean found = exists(t, match, row);
                int i;
                if (found && (!overwrite || update == null)) {
                    skipped.merge(t.key(), 1, Integer::sum);
                    continue;
                }
                if (found) {
                    i = 1;
                    for (Schema.Column col : updateColumns) {
                        RowCodec.bind(update, i++, col.type(), deferred.contains(low(col)) ? null : value(row, col));
                    }
                    for (Schema.Column col : key) {
                        RowCodec.bind(update, i++, col.type(), value(row, col));
                    }
                    update.executeUpdate();
                    updated.merge(t.key(), 1, Integer::sum);
                } else {
                    i = 1;
                    for (Schema.Column col : insertColumns) {
                        RowCodec.bind(insert, i++, col.type(), deferred.contains(low(col)) ? null : value(row, col));
                    }
                    insert.executeUpdate();
                    inserted.merge(t.key(), 1, Integer::sum);
                    if (t.key().equals(Snapshot.STORED_FILES) && row.hasNonNull("rel_path")) {
                        newFiles.add(row.get("rel_path").asString());
                    }
                }
                touched.add(row);
                if (t.key().equals("article") && row.hasNonNull("id")) {
                    articles.add(row.get("id").asString());
                }
            }
        }
        if (!deferred.isEmpty() && !generatedKey) {
            List<Schema.Column> later = deferred.stream().map(t::column).toList();
            try (PreparedStatement ps = c.prepareStatement(updateSql(t, later, key))) {
                for (JsonNode row : touched) {
                    int i = 1;
                    for (Schema.Column col : later) {
                        RowCodec.bind(ps, i++, col.type(), value(row, col));
                    }
                    for (Schema.Column col : key) {
                        RowCodec.bind(ps, i++, col.type(), value(row, col));
                    }
                    ps.executeUpdate();
                }
            }
        }
    }

    /** Imported articles reach the index through the same outbox as edits in the portal. */
    private void queueForIndexing() throws SQLException {
        if (articles.isEmpty() || schema.table("index_outbox") == null) {
            return;
        }
        var now = Instant.now().atOffset(ZoneOffset.UTC);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO index_outbox (article_id, created_at, attempts, next_attempt_at) VALUES (?, ?, 0, ?)")) {
            for (String id : articles) {
                ps.setString(1, id);
                ps.setObject(2, now);
                ps.setObject(3, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Whether a row equal to {@code row} in the {@code match} columns exists ({@code NULL} matches NULL). */
    private boolean exists(Schema.Table t, List<Schema.Column> match, JsonNode row) throws SQLException {
        List<Schema.Column> bound = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        for (Schema.Column col : match) {
            JsonNode v = value(row, col);
            if (v == null || v.isNull()) {
                conditions.add(schema.q(col.name()) + " IS NULL");
            } else {
                conditions.add(schema.q(col.name()) + " = ?");
                bound.add(col);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM " + schema.q(t.name()) + " WHERE " + String.join(" AND ", conditions))) {
            int i = 1;
            for (Schema.Column col : bound) {
                RowCodec.bind(ps, i++, col.type(), value(row, col));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private String insertSql(Schema.Table t, List<Schema.Column> cols) {
        return "INSERT INTO " + schema.q(t.name()) + " ("
                + cols.stream().map(col -> schema.q(col.name())).collect(Collectors.joining(", ")) + ") VALUES ("
                + cols.stream().map(col -> "?").collect(Collectors.joining(", ")) + ")";
    }

    private String updateSql(Schema.Table t, List<Schema.Column> set, List<Schema.Column> key) {
        return "UPDATE " + schema.q(t.name()) + " SET "
                + set.stream().map(col -> schema.q(col.name()) + " = ?").collect(Collectors.joining(", "))
                + " WHERE "
                + key.stream().map(col -> schema.q(col.name()) + " = ?").collect(Collectors.joining(" AND "));
    }

    private static JsonNode value(JsonNode row, Schema.Column col) {
        return row.get(low(col));
    }

    private static String low(Schema.Column col) {
        return col.name().toLowerCase(Locale.ROOT);
    }
}
