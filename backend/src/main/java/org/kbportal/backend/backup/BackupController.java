package org.kbportal.backend.backup;

import java.nio.file.Path;
import org.kbportal.contract.backup.BackupRun;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Backups for admins (ADMIN by path in the security rules). */
@RestController
class BackupController {

    private final BackupService backups;

    BackupController(BackupService backups) {
        this.backups = backups;
    }

    /** {@code 202 {"id","status",...}}; follow {@code GET /api/admin/backups/{id}} for progress. */
    @PostMapping("/api/admin/backups")
    Mono<ResponseEntity<BackupRun>> create(Authentication auth) {
        return backups.start(auth.getName())
                .map(r -> ResponseEntity.status(HttpStatus.ACCEPTED)
                        .header(HttpHeaders.LOCATION, "/api/admin/backups/" + r.id())
                        .body(r.withDownload()));
    }

    @GetMapping("/api/admin/backups")
    Flux<BackupRun> list() {
        return backups.list();
    }

    @GetMapping("/api/admin/backups/{id}")
    Mono<BackupRun> get(@PathVariable String id) {
        return backups.get(id);
    }

    @GetMapping("/api/admin/backups/{id}/file")
    Mono<ResponseEntity<Resource>> file(@PathVariable String id) {
        return backups.archive(id).map(BackupController::download);
    }

    static ResponseEntity<Resource> download(Path file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.getFileName().toString())
                                .build()
                                .toString())
                .body(new FileSystemResource(file));
    }
}
