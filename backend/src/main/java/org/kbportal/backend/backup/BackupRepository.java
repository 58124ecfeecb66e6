package org.kbportal.backend.backup;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.kbportal.contract.backup.BackupRun;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class BackupRepository {

    private static final String COLUMNS = "id, status, trigger_kind, requested_by, file_name, size_bytes, progress,"
            + " tables_done, tables_total, files_done, files_total, error, started_at, finished_at";

    private final DatabaseClient db;

    BackupRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Inserts a RUNNING row; for a scheduled run the slot is unique, so of several instances only one
     * gets {@code true}.
     */
    Mono<Boolean> insert(String id, String trigger, String slot, String by, String instance, Instant now) {
        var spec = db.sql("INSERT INTO backup_run (id, status, trigger_kind, schedule_slot, requested_by, instance,"
                        + " started_at) VALUES (:id, 'RUNNING', :trigger, :slot, :by, :instance, :now)")
                .bind("id", id)
                .bind("trigger", trigger)
                .bind("instance", instance)
                .bind("now", now.atOffset(ZoneOffset.UTC));
        spec = slot == null ? spec.bindNull("slot", String.class) : spec.bind("slot", slot);
        spec = by == null ? spec.bindNull("by", String.class) : spec.bind("by", by);
        return spec.fetch()
                .rowsUpdated()
                .map(n -> n == 1)
                .onErrorResume(DataIntegrityViolationException.class, e -> Mono.just(false));
    }

    Mono<Void> progress(String id, int tablesDone, int tablesTotal, int filesDone, int filesTotal, int percent) {
        return db.sql("UPDATE backup_run SET tables_done = :td, tables_total = :tt, files_done = :fd,"
                        + " files_total = :ft, progress = :p WHERE id = :id AND status = 'RUNNING'")
                .bind("td", tablesDone)
                .bind("tt", tablesTotal)
                .bind("fd", filesDone)
                .bind("ft", filesTotal)
                .bind("p", percent)
                .bind("id", id)
                .then();
    }

    Mono<Void> done(String id, String fileName, long size, Instant at) {
        return db.sql("UPDATE backup_run SET status = 'DONE', progress = 100, file_name = :f, size_bytes = :s,"
                        + " finished_at = :at WHERE id = :id")
                .bind("f", fileName)
                .bind("s", size)
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .bind("id", id)
                .then();
    }

    Mono<Void> failed(String id, String error, Instant at) {
        return db.sql("UPDATE backup_run SET status = 'FAILED', error = :e, finished_at = :at WHERE id = :id")
                .bind("e", error.length() > 1000 ? error.substring(0, 1000) : error)
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .bind("id", id)
                .then();
    }

    Mono<Void> expired(String id) {
        return db.sql("UPDATE backup_run SET status = 'EXPIRED' WHERE id = :id")
                .bind("id", id)
                .then();
    }

    /**
     * Runs this instance left RUNNING when an earlier process stopped (started before {@code bootedAt}):
     * they will never finish.
     */
    Mono<Long> failInterrupted(String instance, Instant bootedAt, Instant at) {
        return db.sql("UPDATE backup_run SET status = 'FAILED', error = 'interrupted: the backend stopped',"
                        + " finished_at = :at WHERE status = 'RUNNING' AND instance = :i AND started_at < :booted")
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .bind("i", instance)
                .bind("booted", bootedAt.atOffset(ZoneOffset.UTC))
                .fetch()
                .rowsUpdated();
    }

    Mono<BackupRun> find(String id) {
        return db.sql("SELECT " + COLUMNS + " FROM backup_run WHERE id = :id")
                .bind("id", id)
                .map(BackupRepository::row)
                .one();
    }

    Flux<BackupRun> latest(int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM backup_run ORDER BY started_at DESC, id LIMIT :n")
                .bind("n", limit)
                .map(BackupRepository::row)
                .all();
    }

    /** Runs whose archives retention has expired (on whichever instance's disk they are). */
    Flux<BackupRun> expiredRuns() {
        return db.sql("SELECT " + COLUMNS + " FROM backup_run WHERE status = 'EXPIRED'")
                .map(BackupRepository::row)
                .all();
    }

    /** Finished scheduled archives beyond the newest {@code keep}. */
    Flux<BackupRun> scheduledBeyond(int keep) {
        return db.sql("SELECT " + COLUMNS + " FROM backup_run WHERE trigger_kind = 'SCHEDULED' AND status = 'DONE'"
                        + " ORDER BY started_at DESC, id LIMIT 100000 OFFSET :keep")
                .bind("keep", keep)
                .map(BackupRepository::row)
                .all();
    }

    private static BackupRun row(Readable r) {
        OffsetDateTime finished = r.get("finished_at", OffsetDateTime.class);
        Number size = (Number) r.get("size_bytes");
        return new BackupRun(
                r.get("id", String.class),
                r.get("status", String.class),
                r.get("trigger_kind", String.class),
                r.get("requested_by", String.class),
                r.get("file_name", String.class),
                size == null ? null : size.longValue(),
                ((Number) r.get("progress")).intValue(),
                ((Number) r.get("tables_done")).intValue(),
                ((Number) r.get("tables_total")).intValue(),
                ((Number) r.get("files_done")).intValue(),
                ((Number) r.get("files_total")).intValue(),
                r.get("error", String.class),
                r.get("started_at", OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant(),
                null);
    }
}
