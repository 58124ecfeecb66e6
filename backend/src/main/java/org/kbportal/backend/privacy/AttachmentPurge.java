package org.kbportal.backend.privacy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.kbportal.backend.audit.AuditLog;
import org.kbportal.backend.files.FileStore;
import org.kbportal.backend.system.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Deletes the attachments of questions CLOSED for longer than {@code kb.privacy.attachment-retention-days}
 * (off when 0): their {@code question_attachment} and {@code stored_file} rows in one transaction, then the
 * file. RESOLVED questions keep theirs (they can still be reopened; they close automatically later). Runs two
 * minutes after start and then daily, is audited as {@code privacy.attachment-purge} by {@code system} when it
 * removed something, and is idempotent, so instances need no coordination.
 */
@Component
class AttachmentPurge extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(AttachmentPurge.class);

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final FileStore files;
    private final AuditLog audit;
    private final PrivacyProperties props;
    private final Clock clock;

    AttachmentPurge(
            DatabaseClient db,
            TransactionalOperator tx,
            FileStore files,
            AuditLog audit,
            PrivacyProperties props,
            Clock clock) {
        super("Attachment purge");
        this.db = db;
        this.tx = tx;
        this.files = files;
        this.audit = audit;
        this.props = props;
        this.clock = clock;
    }

    /** What one run removed. */
    record Purged(long attachments, long questions, Instant closedBefore) {}

    /** Removes the attachments past the period; emits what was removed (nothing when the purge is off). */
    Mono<Purged> purge() {
        if (props.attachmentRetentionDays() <= 0) {
            return Mono.empty();
        }
        Instant cutoff = clock.instant().minus(Duration.ofDays(props.attachmentRetentionDays()));
        return db.sql("SELECT a.id, a.file_id, a.question_id FROM question_attachment a"
                        + " JOIN question q ON q.id = a.question_id"
                        + " WHERE q.status = 'CLOSED' AND q.closed_at < :cutoff ORDER BY a.id")
                .bind("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                .map(r -> new Due(
                        r.get("id", Long.class), r.get("file_id", String.class), r.get("question_id", Long.class)))
                .all()
                .concatMap(this::remove)
                .collectList()
                .flatMap(removed -> {
                    long questions =
                            removed.stream().map(Due::questionId).distinct().count();
                    Purged p = new Purged(removed.size(), questions, cutoff);
                    log.info(
                            "Attachment purge: {} attachments of {} questions closed before {} removed",
                            p.attachments(),
                            p.questions(),
                            cutoff);
                    return removed.isEmpty()
                            ? Mono.just(p)
                            : audit.record(
                                            "system",
                                            "privacy.attachment-purge",
                                            null,
                                            200,
                                            p.attachments() + " attachments of " + p.questions()
                                                    + " questions closed before " + cutoff + " (retention "
                                                    + props.attachmentRetentionDays() + " days)",
                                            null)
                                    .thenReturn(p);
                });
    }

    private record Due(long id, String fileId, long questionId) {}

    /** One attachment: both rows in one transaction, the file after the commit; empty if another instance won. */
    private Mono<Due> remove(Due due) {
        Mono<Optional<Path>> where = files.find(due.fileId())
                .map(f -> Optional.of(files.path(f)))
                .onErrorResume(e -> Mono.just(Optional.empty()));
        return where.flatMap(path -> db.sql("DELETE FROM question_attachment WHERE id = :id")
                        .bind("id", due.id())
                        .fetch()
                        .rowsUpdated()
                        .filter(n -> n > 0)
                        .flatMap(n -> db.sql("DELETE FROM stored_file WHERE id = :id")
                                .bind("id", due.fileId())
                                .fetch()
                                .rowsUpdated())
                        .as(tx::transactional)
                        .flatMap(n -> path.map(AttachmentPurge::deleteFile)
                                .orElse(Mono.empty())
                                .thenReturn(due)))
                .onErrorResume(e -> {
                    log.warn(
                            "Attachment {} of question {} not purged: {}",
                            due.fileId(),
                            due.questionId(),
                            e.toString());
                    return Mono.empty();
                });
    }

    private static Mono<Void> deleteFile(Path path) {
        return Mono.<Void>fromRunnable(() -> {
                    try {
                        Files.deleteIfExists(path);
                    } catch (IOException e) {
                        log.warn("Could not delete {}: {}", path, e.toString());
                    }
                })
                .subscribeOn(Schedulers.boundedElastic())
                // the next database write must not run on the interruptible elastic thread (docs/SECURITY.md notes)
                .publishOn(Schedulers.parallel());
    }

    @Override
    protected Schedule schedule() {
        return props.attachmentRetentionDays() > 0
                ? Schedule.every(Duration.ofDays(1)).after(Duration.ofMinutes(2))
                : Schedule.IDLE;
    }

    @Override
    protected Mono<?> runOnce() {
        return purge();
    }
}
