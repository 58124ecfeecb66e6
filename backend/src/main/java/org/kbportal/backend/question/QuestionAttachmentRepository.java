package org.kbportal.backend.question;

import java.time.Instant;
import org.kbportal.contract.question.QuestionDetail;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Which stored files belong to which question ({@code question_attachment} joined to {@code stored_file}). */
@Repository
class QuestionAttachmentRepository {

    private static final String SELECT = "SELECT a.file_id, f.name, f.content_type, f.size_bytes, u.username,"
            + " a.from_expert, a.created_at FROM question_attachment a JOIN stored_file f ON f.id = a.file_id"
            + " JOIN app_user u ON u.id = a.uploaded_by";

    private final DatabaseClient db;

    QuestionAttachmentRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> insert(long questionId, String fileId, long uploadedBy, boolean fromExpert, Instant now) {
        return db.sql("INSERT INTO question_attachment (question_id, file_id, uploaded_by, from_expert, created_at)"
                        + " VALUES (:q, :f, :u, :e, :now)")
                .bind("q", questionId)
                .bind("f", fileId)
                .bind("u", uploadedBy)
                .bind("e", fromExpert)
                .bind("now", org.kbportal.backend.system.Rows.utc(now))
                .then();
    }

    Flux<QuestionDetail.Attachment> list(long questionId) {
        return db.sql(SELECT + " WHERE a.question_id = :q ORDER BY a.id")
                .bind("q", questionId)
                .map(QuestionAttachmentRepository::row)
                .all();
    }

    /** The attachment, only if that file belongs to that question. */
    Mono<QuestionDetail.Attachment> find(long questionId, String fileId) {
        return db.sql(SELECT + " WHERE a.question_id = :q AND a.file_id = :f")
                .bind("q", questionId)
                .bind("f", fileId)
                .map(QuestionAttachmentRepository::row)
                .one();
    }

    Mono<Long> count(long questionId) {
        return db.sql("SELECT COUNT(*) AS n FROM question_attachment WHERE question_id = :q")
                .bind("q", questionId)
                .map(r -> ((Number) r.get("n")).longValue())
                .one();
    }

    private static QuestionDetail.Attachment row(io.r2dbc.spi.Readable r) {
        return new QuestionDetail.Attachment(
                r.get("file_id", String.class),
                r.get("name", String.class),
                r.get("content_type", String.class),
                ((Number) r.get("size_bytes")).longValue(),
                r.get("username", String.class),
                Boolean.TRUE.equals(r.get("from_expert", Boolean.class)),
                org.kbportal.backend.system.Rows.instant(r, "created_at"));
    }
}
