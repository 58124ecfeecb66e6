package org.kbportal.backend.backup;

import java.time.Instant;

/**
 * One backup: {@code RUNNING} with progress (0–100, tables and files written), then {@code DONE}
 * with the archive's size and {@code download} link, or {@code FAILED} with the error; {@code EXPIRED}
 * when retention removed a scheduled archive.
 */
public record BackupRun(
        String id,
        String status,
        String trigger,
        String requestedBy,
        String fileName,
        Long sizeBytes,
        int progress,
        int tablesDone,
        int tablesTotal,
        int filesDone,
        int filesTotal,
        String error,
        Instant startedAt,
        Instant finishedAt,
        String download) {

    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";
    static final String EXPIRED = "EXPIRED";

    BackupRun withDownload() {
        return new BackupRun(
                id,
                status,
                trigger,
                requestedBy,
                fileName,
                sizeBytes,
                progress,
                tablesDone,
                tablesTotal,
                filesDone,
                filesTotal,
                error,
                startedAt,
                finishedAt,
                DONE.equals(status) ? "/api/admin/backups/" + id + "/file" : null);
    }
}
