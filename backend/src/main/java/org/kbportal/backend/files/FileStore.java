package org.kbportal.backend.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.KbProperties;
import org.kbportal.backend.system.SafePath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Stores uploaded files under {@code ${kb.data-dir}/files/}: streamed to a temporary file with the size
 * limit enforced while it arrives, typed by sniffing the bytes (the client's content type and extension are
 * only checked against it), moved into place, then recorded in {@code stored_file}. A rejected or failed
 * upload leaves neither a file nor a row. Files never change once stored.
 */
@Service
public class FileStore {

    private static final Logger log = LoggerFactory.getLogger(FileStore.class);

    private final FileRepository repository;
    private final Path root;
    private final Path temp;
    private final Clock clock;

    FileStore(FileRepository repository, KbProperties properties, Clock clock) {
        this.repository = repository;
        this.root = properties.dataDir().resolve("files").toAbsolutePath();
        this.temp = root.resolve(".tmp");
        this.clock = clock;
    }

    /** Stores one multipart file part. */
    public Mono<StoredFile> store(FilePart part, UploadPolicy policy, String purpose, String owner) {
        return store(part.content(), part.filename(), policy, purpose, owner);
    }

    /** Stores streamed bytes under the given (client-supplied, to be sanitised) name. */
    public Mono<StoredFile> store(
            Flux<DataBuffer> content, String filename, UploadPolicy policy, String purpose, String owner) {
        String name = FileNames.sanitise(filename);
        long max = policy.maxSize().toBytes();
        AtomicLong received = new AtomicLong();
        Flux<DataBuffer> limited = content.handle((buffer, sink) -> {
            if (received.addAndGet(buffer.readableByteCount()) > max) {
                DataBufferUtils.release(buffer);
                sink.error(tooLarge(name, policy));
            } else {
                sink.next(buffer);
            }
        });
        return Mono.fromCallable(this::newTempFile)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(tmp -> DataBufferUtils.write(limited, tmp, StandardOpenOption.WRITE)
                        .then(Mono.fromCallable(() -> place(tmp, name, policy, purpose, owner))
                                .subscribeOn(Schedulers.boundedElastic()))
                        .flatMap(placed -> repository
                                .insert(placed.file(), placed.relPath())
                                .thenReturn(placed.file())
                                .onErrorResume(e -> deleteQuietly(placed.path()).then(Mono.error(e))))
                        // the move consumed it on success; on failure or cancel it must not linger
                        .doFinally(signal -> Schedulers.boundedElastic().schedule(() -> deleteIfExists(tmp))));
    }

    /** The stored file's metadata; 404 problem when there is none. */
    public Mono<StoredFile> find(String id) {
        return repository
                .find(id)
                .switchIfEmpty(Mono.error(() -> KbException.notFound("file-not-found", "No file with id " + id + ".")));
    }

    /** Where the bytes are, for reading (extraction, backups). */
    public Path path(StoredFile file) {
        try {
            return SafePath.under(root, relPath(file.id()));
        } catch (SafePath.UnsafePath e) {
            log.warn("Stored file {} not served: {}", file.id(), e.getMessage());
            throw KbException.notFound("file-not-found", "No file with id " + file.id() + ".");
        }
    }

    /** The root of all stored files, for backups. */
    public Path root() {
        return root;
    }

    /** Reads the bytes. */
    public Mono<InputStream> open(StoredFile file) {
        return Mono.fromCallable(() -> Files.newInputStream(path(file))).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * A download response that browsers save instead of rendering: {@code Content-Disposition: attachment}
     * with the UTF-8 name, {@code nosniff} and a sandboxing CSP in case a browser renders it anyway.
     */
    public ResponseEntity<Resource> asAttachment(StoredFile file) {
        MediaType type = file.contentType().startsWith("text/html")
                ? MediaType.APPLICATION_OCTET_STREAM
                : MediaType.parseMediaType(file.contentType());
        return ResponseEntity.ok()
                .contentType(type)
                .contentLength(file.size())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.name(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .body(new FileSystemResource(path(file)));
    }

    /** Removes a file and its row (for example when the upload it belonged to is rolled back). */
    public Mono<Void> delete(String id) {
        return repository.delete(id).then(deleteQuietly(root.resolve(relPath(id))));
    }

    private record Placed(StoredFile file, String relPath, Path path) {}

    private Path newTempFile() throws IOException {
        Files.createDirectories(temp);
        return Files.createTempFile(temp, "upload-", ".part");
    }

    private Placed place(Path tmp, String name, UploadPolicy policy, String purpose, String owner) throws IOException {
        long size = Files.size(tmp);
        if (size == 0) {
            throw KbException.badRequest("file-empty", "The file '" + name + "' is empty.");
        }
        String contentType = ContentSniffer.accept(tmp, name, policy.allowedTypes());
        String id = UUID.randomUUID().toString();
        String rel = relPath(id);
        Path target = root.resolve(rel);
        Files.createDirectories(target.getParent());
        String sha = sha256(tmp);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        StoredFile file = new StoredFile(id, name, contentType, size, sha, purpose, owner, clock.instant());
        return new Placed(file, rel, target);
    }

    private static String relPath(String id) {
        if (!id.matches("[0-9a-f-]{36}")) {
            throw KbException.notFound("file-not-found", "No file with id " + id + ".");
        }
        return id.substring(0, 2) + "/" + id;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int r; (r = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, r);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KbException tooLarge(String name, UploadPolicy policy) {
        return new KbException(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "file-too-large",
                "File too large",
                "'" + name + "' is larger than the limit of "
                        + human(policy.maxSize().toBytes()) + ".",
                java.util.Map.of("maxBytes", policy.maxSize().toBytes()));
    }

    private static String human(long bytes) {
        return bytes >= 1 << 20
                ? bytes / (1 << 20) + " MB"
                : bytes >= 1 << 10 ? bytes / (1 << 10) + " KB" : bytes + " bytes";
    }

    private static Mono<Void> deleteQuietly(Path path) {
        return Mono.<Void>fromRunnable(() -> deleteIfExists(path)).subscribeOn(Schedulers.boundedElastic());
    }

    private static void deleteIfExists(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not delete {}: {}", path, e.toString());
        }
    }
}
