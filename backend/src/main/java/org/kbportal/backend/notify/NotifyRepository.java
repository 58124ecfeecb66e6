package org.kbportal.backend.notify;

import static org.kbportal.backend.system.Rows.instant;
import static org.kbportal.backend.system.Rows.utc;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.kbportal.backend.system.Rows;
import org.kbportal.contract.notify.Notification;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class NotifyRepository {

    private static final String MAIL = "SELECT id, recipient, subject, body, kind, question_id, created_at, attempts,"
            + " next_attempt_at, sent_at, last_error FROM mail_outbox";
    private static final String NOTE = "SELECT id, kind, question_id, message, created_at, read_at FROM notification";

    private final DatabaseClient db;

    NotifyRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> insertMail(String to, String subject, String body, String kind, Long questionId, Instant now) {
        GenericExecuteSpec spec = db.sql("INSERT INTO mail_outbox (recipient, subject, body, kind, question_id,"
                        + " created_at, next_attempt_at) VALUES (:to, :s, :b, :k, :q, :now, :now)")
                .bind("to", to)
                .bind("s", subject)
                .bind("b", body)
                .bind("k", kind)
                .bind("now", utc(now));
        spec = questionId == null ? spec.bindNull("q", Long.class) : spec.bind("q", questionId);
        return spec.then();
    }

    /** An e-mail with attachments; the row and its files go in together (the caller's transaction). */
    Mono<Void> insertMailWithAttachments(
            String to, String subject, String body, String kind, java.util.List<MailAttachment> files, Instant now) {
        return db.sql("INSERT INTO mail_outbox (recipient, subject, body, kind, created_at, next_attempt_at)"
                        + " VALUES (:to, :s, :b, :k, :now, :now)")
                .bind("to", to)
                .bind("s", subject)
                .bind("b", body)
                .bind("k", kind)
                .bind("now", utc(now))
                .filter(st -> st.returnGeneratedValues("id"))
                .map(r -> ((Number) r.get("id")).longValue())
                .one()
                .flatMap(id -> Flux.fromIterable(files)
                        .concatMap(f -> db.sql("INSERT INTO mail_attachment (mail_id, filename, content_type, data)"
                                        + " VALUES (:m, :f, :t, :d)")
                                .bind("m", id)
                                .bind("f", f.filename())
                                .bind("t", f.contentType())
                                .bind("d", java.nio.ByteBuffer.wrap(f.data()))
                                .then())
                        .then());
    }

    Flux<MailAttachment> attachments(long mailId) {
        return db.sql("SELECT filename, content_type, data FROM mail_attachment WHERE mail_id = :m ORDER BY id")
                .bind("m", mailId)
                .map(r -> new MailAttachment(
                        r.get("filename", String.class), r.get("content_type", String.class), bytes(r.get("data"))))
                .all();
    }

    private static byte[] bytes(Object v) {
        if (v instanceof byte[] b) {
            return b;
        }
        java.nio.ByteBuffer buf = ((java.nio.ByteBuffer) v).duplicate();
        byte[] out = new byte[buf.remaining()];
        buf.get(out);
        return out;
    }

    Flux<OutboxMail> mails(boolean pendingOnly, int limit) {
        return db.sql(MAIL + (pendingOnly ? " WHERE sent_at IS NULL" : "") + " ORDER BY id DESC LIMIT " + limit)
                .map(NotifyRepository::mail)
                .all();
    }

    /** Rows due for sending that no live lease holds. */
    Flux<OutboxMail> dueMails(Instant now, int maxAttempts, int limit) {
        return db.sql(MAIL + " WHERE sent_at IS NULL AND attempts < :max AND next_attempt_at <= :now"
                        + " AND (locked_until IS NULL OR locked_until < :now) ORDER BY id LIMIT " + limit)
                .bind("max", maxAttempts)
                .bind("now", utc(now))
                .map(NotifyRepository::mail)
                .all();
    }

    /** Takes the lease of one row; false when another instance was quicker. */
    Mono<Boolean> lease(long id, String owner, Instant now, Instant until) {
        return Rows.lease(db, "mail_outbox", "sent_at IS NULL", id, owner, now, until);
    }

    Mono<Void> markSent(long id, Instant now) {
        return db.sql("UPDATE mail_outbox SET sent_at = :now, attempts = attempts + 1, locked_by = NULL,"
                        + " locked_until = NULL, last_error = NULL WHERE id = :id")
                .bind("now", utc(now))
                .bind("id", id)
                .then();
    }

    Mono<Void> markFailed(long id, String error, Instant next) {
        return db.sql("UPDATE mail_outbox SET attempts = attempts + 1, last_error = :e, next_attempt_at = :n,"
                        + " locked_by = NULL, locked_until = NULL WHERE id = :id")
                .bind("e", error.length() > 1000 ? error.substring(0, 1000) : error)
                .bind("n", utc(next))
                .bind("id", id)
                .then();
    }

    Mono<Void> insertNotification(long userId, String kind, Long questionId, String message, Instant now) {
        GenericExecuteSpec spec = db.sql("INSERT INTO notification (user_id, kind, question_id, message, created_at)"
                        + " VALUES (:u, :k, :q, :m, :now)")
                .bind("u", userId)
                .bind("k", kind)
                .bind("m", message.length() > 1000 ? message.substring(0, 1000) : message)
                .bind("now", utc(now));
        spec = questionId == null ? spec.bindNull("q", Long.class) : spec.bind("q", questionId);
        return spec.then();
    }

    Flux<Notification> notifications(long userId, boolean unreadOnly, long afterId, int limit) {
        return db.sql(NOTE + " WHERE user_id = :u AND id > :after" + (unreadOnly ? " AND read_at IS NULL" : "")
                        + " ORDER BY id DESC LIMIT " + limit)
                .bind("u", userId)
                .bind("after", afterId)
                .map(NotifyRepository::note)
                .all();
    }

    Mono<Long> lastNotificationId(long userId) {
        return db.sql("SELECT COALESCE(MAX(id), 0) AS m FROM notification WHERE user_id = :u")
                .bind("u", userId)
                .map(r -> ((Number) r.get("m")).longValue())
                .one();
    }

    Mono<Long> unread(long userId) {
        return db.sql("SELECT COUNT(*) AS n FROM notification WHERE user_id = :u AND read_at IS NULL")
                .bind("u", userId)
                .map(r -> ((Number) r.get("n")).longValue())
                .one();
    }

    Mono<Long> markRead(long userId, Long id, Instant now) {
        GenericExecuteSpec spec = db.sql("UPDATE notification SET read_at = :now WHERE user_id = :u AND read_at IS NULL"
                        + (id == null ? "" : " AND id = :id"))
                .bind("now", utc(now))
                .bind("u", userId);
        if (id != null) {
            spec = spec.bind("id", id);
        }
        return spec.fetch().rowsUpdated();
    }

    Mono<String> language(long userId) {
        return db.sql("SELECT lang FROM notification_pref WHERE user_id = :u")
                .bind("u", userId)
                .map(r -> r.get("lang", String.class))
                .one();
    }

    Mono<Void> setLanguage(long userId, String lang) {
        return db.sql("DELETE FROM notification_pref WHERE user_id = :u")
                .bind("u", userId)
                .then()
                .then(db.sql("INSERT INTO notification_pref (user_id, lang) VALUES (:u, :l)")
                        .bind("u", userId)
                        .bind("l", lang)
                        .then());
    }

    private static OutboxMail mail(Readable r) {
        Object q = r.get("question_id");
        return new OutboxMail(
                ((Number) r.get("id")).longValue(),
                r.get("recipient", String.class),
                r.get("subject", String.class),
                r.get("body", String.class),
                r.get("kind", String.class),
                q == null ? null : ((Number) q).longValue(),
                instant(r, "created_at"),
                ((Number) r.get("attempts")).intValue(),
                instant(r, "next_attempt_at"),
                instant(r, "sent_at"),
                r.get("last_error", String.class));
    }

    private static Notification note(Readable r) {
        Object q = r.get("question_id");
        return new Notification(
                ((Number) r.get("id")).longValue(),
                r.get("kind", String.class),
                q == null ? null : ((Number) q).longValue(),
                r.get("message", String.class),
                instant(r, "created_at"),
                instant(r, "read_at"));
    }
}
