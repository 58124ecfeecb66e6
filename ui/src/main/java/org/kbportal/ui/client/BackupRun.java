package org.kbportal.ui.client;

import java.time.Instant;

/** One backup as the backend reports it: RUNNING with progress, then DONE (with a download) or FAILED. */
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

    public boolean running() {
        return "RUNNING".equals(status);
    }

    public boolean downloadable() {
        return "DONE".equals(status) && download != null;
    }
}
