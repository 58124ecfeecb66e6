package org.kbportal.backend.attachment;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code article_attachment} joined with the stored file's metadata. */
@Repository
class AttachmentRepository {

    private static final String SELECT = "SELECT a.file_id, a.article_id, f.name, f.content_type, f.size_bytes,"
            + " f.sha256, a.description, a.added_by, a.added_at FROM article_attachment a"
            + " JOIN stored_file f ON f.id = a.file_id";

    private final DatabaseClient db;

    AttachmentRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> insert(String fileId, String articleId, String description, String by, Instant at) {
        var spec = db.sql("INSERT INTO article_attachment (file_id, article_id, description, added_by, added_at)"
                        + " VALUES (:file, :article, :description, :by, :at)")
                .bind("file", fileId)
                .bind("article", articleId)
                .bind("by", by)
                .bind("at", at.atOffset(ZoneOffset.UTC));
        spec = description == null ? spec.bindNull("description", String.class) : spec.bind("description", description);
        return spec.then();
    }

    Flux<Attachment> ofArticle(String articleId) {
        return db.sql(SELECT + " WHERE a.article_id = :article ORDER BY a.added_at, a.file_id")
                .bind("article", articleId)
                .map(AttachmentRepository::attachment)
                .all();
    }

    Mono<Attachment> find(String articleId, String fileId) {
        return db.sql(SELECT + " WHERE a.article_id = :article AND a.file_id = :file")
                .bind("article", articleId)
                .bind("file", fileId)
                .map(AttachmentRepository::attachment)
                .one();
    }

    Mono<Long> delete(String articleId, String fileId) {
        return db.sql("DELETE FROM article_attachment WHERE article_id = :article AND file_id = :file")
                .bind("article", articleId)
                .bind("file", fileId)
                .fetch()
                .rowsUpdated();
    }

    private static Attachment attachment(Readable r) {
        OffsetDateTime at = r.get("added_at", OffsetDateTime.class);
        return new Attachment(
                r.get("file_id", String.class),
                r.get("article_id", String.class),
                r.get("name", String.class),
                r.get("content_type", String.class),
                ((Number) r.get("size_bytes")).longValue(),
                r.get("sha256", String.class),
                r.get("description", String.class),
                r.get("added_by", String.class),
                at == null ? null : at.toInstant());
    }
}
