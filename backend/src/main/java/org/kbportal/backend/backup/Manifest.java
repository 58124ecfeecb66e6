package org.kbportal.backend.backup;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json} of a backup archive: what it holds and the SHA-256 of every other entry.
 *
 * @param formatVersion layout of the archive (this class reads format 1)
 * @param kind {@code backup} (whole installation) or {@code knowledge-export} (articles and friends)
 * @param appVersion the portal version that wrote it
 * @param schemaVersion the Flyway version of the database it was taken from
 * @param database the source database product (H2, PostgreSQL)
 * @param createdAt when the snapshot was taken
 * @param tables every table with its columns (logical types) and row count
 * @param files number of files under {@code files/}
 * @param entries path → SHA-256 (hex) of every entry except the manifest
 */
record Manifest(
        int formatVersion,
        String kind,
        String appVersion,
        String schemaVersion,
        String database,
        Instant createdAt,
        List<TableEntry> tables,
        int files,
        Map<String, String> entries) {

    static final int FORMAT = 1;
    static final String NAME = "manifest.json";

    record TableEntry(String name, long rows, List<ColumnEntry> columns) {}

    record ColumnEntry(String name, String type) {}

    static String tablePath(String table) {
        return "db/" + table + ".ndjson";
    }
}
