package org.kbportal.ui.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Backups ({@code /api/admin/backups}) (ADMIN) and the audit log ({@code /api/audit}, AUDITOR). */
@Component
public class OperationsClient {

    private final RestClient http;

    public OperationsClient(RestClient backendRestClient) {
        this.http = backendRestClient;
    }

    /** Starts a backup; it runs in the background (follow it with {@link #backup}). */
    public BackupRun startBackup() {
        return BackendCalls.call(
                () -> http.post().uri("/api/admin/backups").retrieve().body(BackupRun.class));
    }

    public BackupRun backup(String id) {
        return BackendCalls.call(
                () -> http.get().uri("/api/admin/backups/{id}", id).retrieve().body(BackupRun.class));
    }

    /** The latest backups, newest first. */
    public List<BackupRun> backups() {
        return BackendCalls.call(() -> http.get()
                .uri("/api/admin/backups")
                .retrieve()
                .body(new ParameterizedTypeReference<List<BackupRun>>() {}));
    }

    /** A finished backup's archive, for {@link BackendFiles}. */
    public BackendFiles.Request backupArchive(String id) {
        return BackendFiles.Request.of("/api/admin/backups/" + id + "/file");
    }

    public AuditPage audit(AuditFilter filter, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>(filter.params());
        params.put("page", page);
        params.put("size", size);
        return BackendCalls.call(() ->
                http.get().uri(QueryUris.of("/api/audit", params)).retrieve().body(AuditPage.class));
    }

    /** The filtered audit log as CSV, for {@link BackendFiles}. */
    public BackendFiles.Request auditCsv(AuditFilter filter) {
        return new BackendFiles.Request("/api/audit/export", filter.params());
    }
}
