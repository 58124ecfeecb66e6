package org.kbportal.backend.manual;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Rows of {@code manual_source}: one per uploaded version of a manual. */
@Repository
class ManualSourceRepository {

    private static final String COLUMNS = "article_id, version, file_id, file_name, format, size_bytes, pages,"
            + " sections, uploaded_by, uploaded_at";

    private final DatabaseClient db;

    ManualSourceRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> insert(ManualSource s) {
        var spec = db.sql("INSERT INTO manual_source (" + COLUMNS + ") VALUES (:article_id, :version, :file_id,"
                        + " :file_name, :format, :size_bytes, :pages, :sections, :uploaded_by, :uploaded_at)")
                .bind("article_id", s.articleId())
                .bind("version", s.version())
                .bind("file_name", s.fileName())
                .bind("format", s.format().name())
                .bind("size_bytes", s.sizeBytes())
                .bind("sections", s.sections())
                .bind("uploaded_by", s.uploadedBy())
                .bind("uploaded_at", s.uploadedAt().atOffset(ZoneOffset.UTC));
        spec = s.fileId() == null ? spec.bindNull("file_id", String.class) : spec.bind("file_id", s.fileId());
        spec = s.pages() == null ? spec.bindNull("pages", Integer.class) : spec.bind("pages", s.pages());
        return spec.then();
    }

    /** The upload behind {@code version}: the newest one at or before it (publishing adds versions). */
    Mono<ManualSource> atVersion(String articleId, int version) {
        return db.sql("SELECT " + COLUMNS + " FROM manual_source WHERE article_id = :id AND version <= :v"
                        + " ORDER BY version DESC LIMIT 1")
                .bind("id", articleId)
                .bind("v", version)
                .map(ManualSourceRepository::source)
                .one();
    }

    Flux<ManualSource> all(String articleId) {
        return db.sql("SELECT " + COLUMNS + " FROM manual_source WHERE article_id = :id ORDER BY version DESC")
                .bind("id", articleId)
                .map(ManualSourceRepository::source)
                .all();
    }

    /** The latest upload of every manual made from a document, newest first. */
    Flux<ManualSource> latestOfEach(int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM manual_source s WHERE version = (SELECT MAX(version) FROM"
                        + " manual_source t WHERE t.article_id = s.article_id) ORDER BY uploaded_at DESC LIMIT :limit")
                .bind("limit", limit)
                .map(ManualSourceRepository::source)
                .all();
    }

    /** How many uploads each manual has. */
    Mono<Map<String, Integer>> uploadCounts() {
        return db.sql("SELECT article_id, COUNT(*) AS n FROM manual_source GROUP BY article_id")
                .map(r -> Map.entry(r.get("article_id", String.class), ((Number) r.get("n")).intValue()))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private static ManualSource source(Readable r) {
        Number pages = (Number) r.get("pages");
        OffsetDateTime at = r.get("uploaded_at", OffsetDateTime.class);
        return new ManualSource(
                r.get("article_id", String.class),
                ((Number) r.get("version")).intValue(),
                r.get("file_id", String.class),
                r.get("file_name", String.class),
                DocumentFormat.valueOf(r.get("format", String.class)),
                ((Number) r.get("size_bytes")).longValue(),
                pages == null ? null : pages.intValue(),
                ((Number) r.get("sections")).intValue(),
                r.get("uploaded_by", String.class),
                at == null ? null : at.toInstant());
    }
}
