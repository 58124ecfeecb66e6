package org.kbportal.contract.backup;

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

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";
    public static final String EXPIRED = "EXPIRED";

    /** Still being written. */
    public boolean running() {
        return RUNNING.equals(status);
    }

    /** Written, and with a link to fetch it. */
    public boolean downloadable() {
        return DONE.equals(status) && download != null;
    }

    /** This run with its {@code download} link when it is DONE. */
    public BackupRun withDownload() {
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
