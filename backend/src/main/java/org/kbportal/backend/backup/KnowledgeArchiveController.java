package org.kbportal.backend.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.KbProperties;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Knowledge-base export and import for admins (ADMIN by path). */
@RestController
class KnowledgeArchiveController {

    private final KnowledgeArchive archives;
    private final KbProperties props;

    KnowledgeArchiveController(KnowledgeArchive archives, KbProperties props) {
        this.archives = archives;
        this.props = props;
    }

    /** A zip of NDJSON per table plus the attachments' files; the temporary file goes once sent. */
    @GetMapping("/api/admin/export")
    Mono<ResponseEntity<Flux<DataBuffer>>> export() {
        return archives.export()
                .map(file -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("application/zip"))
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment()
                                        .filename("kb-export-" + LocalDate.now() + ".zip")
                                        .build()
                                        .toString())
                        .body(DataBufferUtils.read(file, DefaultDataBufferFactory.sharedInstance, 64 * 1024)
                                .doFinally(s -> Schedulers.boundedElastic().schedule(() -> deleteQuietly(file)))));
    }

    /**
     * Multipart {@code file} (an export), {@code mode=skip} (default: existing ids are kept) or {@code
     * overwrite} (existing ids are replaced) → counts per table.
     */
    @PostMapping(value = "/api/admin/import/archive", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<KnowledgeMerge.Result>> importArchive(
            @RequestPart("file") FilePart file, @RequestParam(defaultValue = "skip") String mode) {
        long max = props.backup().maxImportBytes();
        AtomicLong size = new AtomicLong();
        Flux<DataBuffer> limited = file.content().handle((buffer, sink) -> {
            if (size.addAndGet(buffer.readableByteCount()) > max) {
                DataBufferUtils.release(buffer);
                sink.error(new KbException(
                        HttpStatus.PAYLOAD_TOO_LARGE,
                        "archive-too-large",
                        "Archive too large",
                        "The archive is larger than " + max + " bytes."));
            } else {
                sink.next(buffer);
            }
        });
        return Mono.fromCallable(() -> Files.createTempFile("kb-import-", ".zip"))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(tmp -> DataBufferUtils.write(limited, tmp, StandardOpenOption.WRITE)
                        .then(archives.importArchive(tmp, mode))
                        .doFinally(s -> Schedulers.boundedElastic().schedule(() -> deleteQuietly(tmp))))
                .map(ResponseEntity::ok);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (java.io.IOException e) {
            // a temporary file; the OS cleans up
        }
    }
}
