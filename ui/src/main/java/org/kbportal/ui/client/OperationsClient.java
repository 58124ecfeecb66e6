package org.kbportal.ui.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kbportal.contract.audit.AuditPage;
import org.kbportal.contract.backup.BackupRun;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** Backups ({@code /api/admin/backups}) (ADMIN) and the audit log ({@code /api/audit}, AUDITOR). Declarative. */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
public interface OperationsClient {

    /** Starts a backup; it runs in the background (follow it with {@link #backup}). */
    @PostExchange("/api/admin/backups")
    BackupRun startBackup();

    @GetExchange("/api/admin/backups/{id}")
    BackupRun backup(@PathVariable String id);

    /** The latest backups, newest first. */
    @GetExchange("/api/admin/backups")
    List<BackupRun> backups();

    /** A finished backup's archive, for {@link BackendFiles}. */
    default BackendFiles.Request backupArchive(String id) {
        return BackendFiles.Request.of("/api/admin/backups/" + id + "/file");
    }

    /** One page of the audit log matching {@code query} ({@code from}, {@code to}, {@code actor}, ...). */
    @GetExchange("/api/audit")
    AuditPage audit(@RequestParam MultiValueMap<String, String> query);

    default AuditPage audit(AuditFilter filter, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>(filter.params());
        params.put("page", page);
        params.put("size", size);
        return audit(QueryUris.params(params));
    }

    /** The filtered audit log as CSV, for {@link BackendFiles}. */
    default BackendFiles.Request auditCsv(AuditFilter filter) {
        return new BackendFiles.Request("/api/audit/export", filter.params());
    }
}
