package org.kbportal.ui.client;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Backups ({@code /api/admin/backups}) and the audit log ({@code /api/admin/audit}), ADMIN only. */
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

    /** Streams a finished backup's archive into {@code out}. */
    public void downloadBackup(String id, OutputStream out) {
        streamTo("/api/admin/backups/" + id + "/file", Map.of(), out);
    }

    public AuditPage audit(AuditFilter filter, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>(filter.params());
        params.put("page", page);
        params.put("size", size);
        return BackendCalls.call(() -> http.get()
                .uri(QueryUris.of("/api/admin/audit", params))
                .retrieve()
                .body(AuditPage.class));
    }

    /** Streams the filtered audit log as CSV into {@code out}. */
    public void exportAudit(AuditFilter filter, OutputStream out) {
        streamTo("/api/admin/audit/export", filter.params(), out);
    }

    private void streamTo(String path, Map<String, Object> params, OutputStream out) {
        BackendCalls.run(() -> http.get().uri(QueryUris.of(path, params)).exchange((request, response) -> {
            if (response.getStatusCode().isError()) {
                throw ProblemDecoder.decode(response);
            }
            try {
                response.getBody().transferTo(out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        }));
    }
}
