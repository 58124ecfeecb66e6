package org.kbportal.backend.backup;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.kbportal.backend.system.SafePath;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;

/**
 * What a knowledge archive may bring, decided before anything is stored. A manifest's checksums
 * prove only that the archive is whole, not who wrote it (anyone can compute them), so the content
 * is judged on its own: only the tables a knowledge export writes ({@link KnowledgeArchive#selection}),
 * only {@code stored_file} rows that a knowledge row of the archive refers to, only files that such a
 * row names, and only plain relative paths ({@link SafePath}). Everything refused is listed.
 */
final class KnowledgeImportCheck {

    /** What was refused, by kind; empty lists when the archive may be merged. */
    record Refusal(List<String> tables, List<String> entries, List<String> rows) {

        boolean isEmpty() {
            return tables.isEmpty() && entries.isEmpty() && rows.isEmpty();
        }

        String summary() {
            List<String> parts = new ArrayList<>();
            if (!tables.isEmpty()) {
                parts.add("tables outside the knowledge base: " + String.join(", ", tables));
            }
            if (!entries.isEmpty()) {
                parts.add("entries: " + String.join(", ", entries));
            }
            if (!rows.isEmpty()) {
                parts.add("rows: " + String.join("; ", rows));
            }
            return "The archive was refused and nothing was imported (" + String.join("; ", parts) + ").";
        }
    }

    private KnowledgeImportCheck() {}

    static Refusal check(ArchiveReader archive, Schema schema) throws IOException {
        Set<String> allowed = KnowledgeArchive.selection(schema).keySet();
        Set<String> tables = new TreeSet<>();
        Set<String> refusedTables = new TreeSet<>();
        for (Manifest.TableEntry t : archive.manifest().tables()) {
            String key = t.name().toLowerCase(Locale.ROOT);
            (allowed.contains(key) ? tables : refusedTables).add(t.name());
        }
        Set<String> tableEntries = new HashSet<>();
        archive.manifest().tables().forEach(t -> tableEntries.add(Manifest.tablePath(t.name())));

        // stored_file rows: each one referred to by a knowledge row of the archive, each path plain
        List<String> rows = new ArrayList<>();
        Map<String, String> fileRows = new HashMap<>();
        Set<String> referenced = new HashSet<>();
        for (String table : tables) {
            String key = table.toLowerCase(Locale.ROOT);
            if (key.equals(Snapshot.STORED_FILES)) {
                forEachRow(archive, table, row -> {
                    String id = text(row, "id");
                    String rel = text(row, "rel_path");
                    String why = SafePath.problem(rel);
                    if (why != null) {
                        rows.add(Snapshot.STORED_FILES + " " + id + ": unsafe rel_path (" + why + ")");
                    }
                    fileRows.put(id, rel);
                });
                continue;
            }
            List<String> fileColumns = schema.table(key).foreignKeys().stream()
                    .filter(fk -> fk.referencedTable().equals(Snapshot.STORED_FILES))
                    .map(fk -> fk.column().toLowerCase(Locale.ROOT))
                    .toList();
            if (!fileColumns.isEmpty()) {
                forEachRow(archive, table, row -> fileColumns.forEach(col -> referenced.add(text(row, col))));
            }
        }
        fileRows.keySet().stream()
                .filter(id -> !referenced.contains(id))
                .sorted()
                .forEach(id -> rows.add(Snapshot.STORED_FILES + " " + id + ": no knowledge row refers to it"));

        Set<String> namedFiles = new HashSet<>();
        fileRows.forEach((id, rel) -> {
            if (referenced.contains(id) && rel != null) {
                namedFiles.add(rel);
            }
        });
        Set<String> refusedEntries = new TreeSet<>();
        for (String entry : archive.manifest().entries().keySet()) {
            if (tableEntries.contains(entry)) {
                continue;
            }
            String rel = entry.startsWith("files/") ? entry.substring("files/".length()) : null;
            if (rel == null || SafePath.problem(rel) != null || !namedFiles.contains(rel)) {
                refusedEntries.add(entry);
            }
        }
        return new Refusal(List.copyOf(refusedTables), List.copyOf(refusedEntries), List.copyOf(rows));
    }

    /** Streams a table's rows (bodies can be large; nothing but the needed columns is kept). */
    private static void forEachRow(ArchiveReader archive, String table, Consumer<JsonNode> action) throws IOException {
        try (InputStream in = archive.open(Manifest.tablePath(table));
                MappingIterator<JsonNode> it =
                        Archives.JSON.readerFor(JsonNode.class).readValues(in)) {
            while (it.hasNextValue()) {
                action.accept(it.nextValue());
            }
        }
    }

    private static String text(JsonNode row, String column) {
        JsonNode v = row.get(column);
        return v == null || v.isNull() ? null : v.asString();
    }
}
