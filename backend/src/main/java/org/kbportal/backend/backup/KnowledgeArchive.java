package org.kbportal.backend.backup;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.KbProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Export and import of the knowledge base alone, for moving it to another installation: categories,
 * articles with every version, synonyms, the other {@code article_*} tables (attachments and the
 * like) whose references stay inside that set, and the stored files they refer to. The same archive
 * format as backups (manifest, checksums, NDJSON per table) with kind {@code knowledge-export}.
 */
@Service
public class KnowledgeArchive {

    static final String KIND = "knowledge-export";
    private static final Set<String> CORE = Set.of("category", "article", "article_version", "synonym_group");

    private final KbProperties props;
    private final JdbcTarget db;
    private final ArchiveSeal seal;

    KnowledgeArchive(
            KbProperties props,
            @Value("${kb.db.url}") String url,
            @Value("${kb.db.username:}") String username,
            @Value("${kb.db.password:}") String password,
            @Value("${kb.crypto.suite:STANDARD}") String suite) {
        this.props = props;
        this.db = new JdbcTarget(url, username, password);
        this.seal = ArchiveSeal.configured(props.backup(), suite);
    }

    /** Writes the export to a temporary file (the caller deletes it). */
    public Mono<Path> export() {
        return Mono.fromCallable(() -> {
                    ArchiveSeal signing = seal.withInstallationSecret(db);
                    Path tmp = Files.createTempFile("kb-export-", ".zip");
                    try (OutputStream out = Files.newOutputStream(tmp)) {
                        Map<String, Map<String, String>> filters = new HashMap<>();
                        Snapshot.write(
                                db,
                                props.filesDir(),
                                out,
                                KIND,
                                table -> filters.get("tables").containsKey(table),
                                schema -> {
                                    Map<String, String> selection = selection(schema);
                                    filters.put("tables", selection);
                                    return selection;
                                },
                                Archives.JSON,
                                (td, tt, fd, ft) -> {},
                                signing);
                    } catch (Exception e) {
                        Files.deleteIfExists(tmp);
                        throw e;
                    }
                    return tmp;
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * The exported tables (key → WHERE clause or "" for all rows): the core tables, {@code article_*}
     * tables and tables referring to {@code article} whose foreign keys stay inside the set, and the
     * {@code stored_file} rows they refer to.
     */
    static Map<String, String> selection(Schema schema) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String key : schema.tables().keySet()) {
            // article_* tables and any other table that hangs off articles (manual_source: the original
            // documents of manuals), so features added later travel without touching this list
            if (CORE.contains(key)
                    || key.startsWith("article_")
                    || schema.table(key).foreignKeys().stream()
                            .anyMatch(fk -> fk.referencedTable().equals("article"))) {
                chosen.add(key);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = chosen.removeIf(key -> schema.table(key).foreignKeys().stream()
                    .map(Schema.ForeignKey::referencedTable)
                    .anyMatch(r -> !chosen.contains(r) && !r.equals(Snapshot.STORED_FILES)));
        }
        Map<String, String> out = new HashMap<>();
        chosen.forEach(k -> out.put(k, null));
        List<String> fileRefs = chosen.stream()
                .flatMap(k -> schema.table(k).foreignKeys().stream()
                        .filter(fk -> fk.referencedTable().equals(Snapshot.STORED_FILES))
                        .map(fk -> "SELECT " + schema.q(fk.column()) + " FROM "
                                + schema.q(schema.table(k).name())))
                .toList();
        Schema.Table stored = schema.table(Snapshot.STORED_FILES);
        if (stored != null && !fileRefs.isEmpty() && stored.primaryKey().size() == 1) {
            out.put(
                    Snapshot.STORED_FILES,
                    schema.q(stored.primaryKey().get(0)) + " IN (" + String.join(" UNION ", fileRefs) + ")");
        } else if (stored != null) {
            out.put(Snapshot.STORED_FILES, "1 = 0");
        }
        return out;
    }

    /** Verifies and merges an uploaded export ({@code skip} or {@code overwrite} rows with existing keys). */
    public Mono<KnowledgeMerge.Result> importArchive(Path archive, String mode) {
        if (!"skip".equals(mode) && !"overwrite".equals(mode)) {
            return Mono.error(KbException.badRequest("invalid-mode", "mode must be 'skip' or 'overwrite'."));
        }
        return Mono.fromCallable(() -> {
                    try (ArchiveReader reader =
                                    ArchiveReader.open(archive, Archives.JSON, KIND, seal.withInstallationSecret(db));
                            Connection c = db.connect()) {
                        Schema schema = Schema.read(c);
                        KnowledgeImportCheck.Refusal refusal = KnowledgeImportCheck.check(reader, schema);
                        if (!refusal.isEmpty()) {
                            throw refused(refusal);
                        }
                        c.setAutoCommit(false);
                        List<Path> written = new ArrayList<>();
                        try {
                            KnowledgeMerge.Result r = new KnowledgeMerge(c, schema, "overwrite".equals(mode))
                                    .merge(reader, props.filesDir().toAbsolutePath(), written);
                            c.commit();
                            return r;
                        } catch (Exception e) {
                            c.rollback();
                            for (Path p : written) {
                                Files.deleteIfExists(p);
                            }
                            throw e;
                        }
                    } catch (ArchiveReader.InvalidArchive e) {
                        throw KbException.badRequest("invalid-archive", e.getMessage());
                    }
                })
                .subscribeOn(Schedulers.boundedElastic())
                .publishOn(Schedulers.parallel());
    }

    private static KbException refused(KnowledgeImportCheck.Refusal r) {
        Map<String, Object> refused = new LinkedHashMap<>();
        refused.put("tables", r.tables());
        refused.put("entries", r.entries());
        refused.put("rows", r.rows());
        return new KbException(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "archive-refused",
                "Archive refused",
                r.summary(),
                Map.of("refused", refused));
    }
}
