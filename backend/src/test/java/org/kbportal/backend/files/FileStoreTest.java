package org.kbportal.backend.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactories;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.KbProperties;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Real H2 (in memory, over R2DBC) and a real directory. */
class FileStoreTest {

    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    static final UploadPolicy LOGS = new UploadPolicy(DataSize.ofKilobytes(64), UploadPolicy.TEXT);

    @TempDir
    Path dataDir;

    DatabaseClient db;
    FileStore store;

    @BeforeEach
    void setUp() throws Exception {
        db = newDatabase();
        store = newStore(db, dataDir);
    }

    static DatabaseClient newDatabase() {
        return DatabaseClient.create(
                ConnectionFactories.get("r2dbc:h2:mem:///files-" + UUID.randomUUID() + "?options=DB_CLOSE_DELAY=-1"));
    }

    /** A store on {@code db} (its table created) and a real directory. */
    static FileStore newStore(DatabaseClient db, Path dataDir) throws Exception {
        String ddl = new String(
                FileStoreTest.class
                        .getResourceAsStream("/db/migration/V6__stored_files.sql")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        for (String statement : ddl.replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                db.sql(statement).then().block();
            }
        }
        KbProperties props =
                new KbProperties(dataDir, null, null, null, null, null, null, null, null, null, null, null);
        return new FileStore(new FileRepository(db), props, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static Flux<DataBuffer> chunks(byte[] bytes, int chunk) {
        DefaultDataBufferFactory factory = DefaultDataBufferFactory.sharedInstance;
        return Flux.range(0, (bytes.length + chunk - 1) / chunk).map(i -> {
            int from = i * chunk;
            int len = Math.min(chunk, bytes.length - from);
            return factory.wrap(java.util.Arrays.copyOfRange(bytes, from, from + len));
        });
    }

    @Test
    void shouldStoreTheBytesWithDigestSniffedTypeAndSanitisedName() throws Exception {
        byte[] log = "2026-11-23 ERROR 端口 8080 被占用\n".repeat(200).getBytes(StandardCharsets.UTF_8);

        StoredFile file = store.store(chunks(log, 1000), "..\\logs\\服务.log", LOGS, "question", "user")
                .block();

        assertThat(file.name()).isEqualTo("服务.log");
        assertThat(file.contentType()).isEqualTo("text/plain");
        assertThat(file.size()).isEqualTo(log.length);
        assertThat(file.sha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(log)));
        assertThat(Files.readAllBytes(store.path(file))).isEqualTo(log);
        assertThat(store.find(file.id()).block()).isEqualTo(file);
        assertThat(leftovers()).containsExactly(store.path(file));
    }

    @Test
    void shouldRejectAnOversizeUploadAndKeepNothing() {
        byte[] big = "x".repeat(65 * 1024).getBytes(StandardCharsets.UTF_8);

        StepVerifier.create(store.store(chunks(big, 4096), "big.log", LOGS, "question", "user"))
                .expectErrorSatisfies(
                        e -> assertThat(((KbException) e).type().toString()).isEqualTo("urn:kb:file-too-large"))
                .verify();

        assertThat(rows()).isZero();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void shouldRejectATypeOutsideThePolicyAndAMislabelledFile() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};

        StepVerifier.create(store.store(chunks(png, 4), "shot.png", LOGS, "question", "user"))
                .expectErrorSatisfies(
                        e -> assertThat(((KbException) e).type().toString()).isEqualTo("urn:kb:file-type-not-allowed"))
                .verify();
        UploadPolicy images = new UploadPolicy(DataSize.ofMegabytes(1), Set.of("image/png", "text/plain"));
        StepVerifier.create(store.store(chunks(png, 4), "notes.txt", images, "question", "user"))
                .expectErrorSatisfies(
                        e -> assertThat(((KbException) e).type().toString()).isEqualTo("urn:kb:file-type-mismatch"))
                .verify();

        assertThat(rows()).isZero();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void shouldServeDownloadsAsAttachmentsAndDeleteCompletely() {
        byte[] html = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        UploadPolicy policy = new UploadPolicy(DataSize.ofKilobytes(4), UploadPolicy.TEXT);
        StoredFile file = store.store(chunks(html, 8), "页面.html", policy, "article", "admin")
                .block();

        HttpHeaders headers = store.asAttachment(file).getHeaders();
        assertThat(headers.getContentDisposition().getType()).isEqualTo("attachment");
        assertThat(headers.getContentDisposition().getFilename()).isEqualTo("页面.html");
        assertThat(headers.getContentType().toString()).isEqualTo("application/octet-stream");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");

        store.delete(file.id()).block();
        assertThat(rows()).isZero();
        assertThat(leftovers()).isEmpty();
        StepVerifier.create(store.find(file.id()))
                .expectErrorSatisfies(
                        e -> assertThat(((KbException) e).type().toString()).isEqualTo("urn:kb:file-not-found"))
                .verify();
    }

    @Test
    void shouldRejectAnEmptyFile() {
        StepVerifier.create(store.store(Flux.empty(), "empty.log", LOGS, "question", "user"))
                .expectErrorSatisfies(
                        e -> assertThat(((KbException) e).type().toString()).isEqualTo("urn:kb:file-empty"))
                .verify();
        assertThat(leftovers()).isEmpty();
    }

    static void assertProblem(reactor.core.publisher.Mono<?> call, String type) {
        StepVerifier.create(call)
                .expectErrorSatisfies(
                        e -> assertThat(((KbException) e).type().toString()).isEqualTo("urn:kb:" + type))
                .verify();
    }

    long rows() {
        return db.sql("SELECT COUNT(*) AS n FROM stored_file")
                .map(r -> r.get("n", Long.class))
                .one()
                .block();
    }

    /** Regular files anywhere under files/ (temporary ones included), after pending deletions ran. */
    List<Path> leftovers() {
        try {
            Thread.sleep(100); // temp files are deleted on boundedElastic after the signal
            Path root = dataDir.resolve("files");
            if (!Files.exists(root)) {
                return List.of();
            }
            try (Stream<Path> walk = Files.walk(root)) {
                return walk.filter(Files::isRegularFile).toList();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
