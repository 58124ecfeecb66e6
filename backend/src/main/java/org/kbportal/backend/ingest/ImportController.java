package org.kbportal.backend.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.KbProperties;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.StringDecoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /api/admin/import}: NDJSON, one knowledge record a line, streamed. The whole import is at
 * most {@code kb.ingest.max-bytes}: a larger declared {@code Content-Length} is refused before reading;
 * a body without one (chunked) is received into a temporary file first, counting while it arrives, so
 * that a too-large import stores nothing ({@code 413 urn:kb:import-too-large}).
 */
@RestController
class ImportController {

    private final KnowledgeImporter importer;
    private final int maxLineBytes;
    private final long maxBytes;
    private final Path temp;

    ImportController(KnowledgeImporter importer, KbProperties props) {
        this.importer = importer;
        this.maxLineBytes = props.ingest().maxLineBytes();
        this.maxBytes = props.ingest().maxBytes().toBytes();
        this.temp = props.dataDir().resolve("files").resolve(".tmp");
    }

    @PostMapping(
            path = "/api/admin/import",
            consumes = {"application/x-ndjson", "application/jsonl", "application/json", "text/plain"})
    Mono<KnowledgeImporter.Result> importNdjson(ServerHttpRequest request, Authentication auth) {
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            return Mono.error(tooLarge());
        }
        if (declared >= 0) {
            // the framing ends the body at the declared length: it cannot outgrow the limit
            return importer.importLines(lines(request.getBody()), auth.getName(), true);
        }
        AtomicLong received = new AtomicLong();
        Flux<DataBuffer> limited = request.getBody().handle((buffer, sink) -> {
            if (received.addAndGet(buffer.readableByteCount()) > maxBytes) {
                DataBufferUtils.release(buffer);
                sink.error(tooLarge());
            } else {
                sink.next(buffer);
            }
        });
        return Mono.fromCallable(this::newTempFile)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(tmp -> DataBufferUtils.write(limited, tmp, StandardOpenOption.WRITE)
                        .then(Mono.defer(() -> importer.importLines(
                                lines(DataBufferUtils.read(
                                        tmp,
                                        DefaultDataBufferFactory.sharedInstance,
                                        64 * 1024,
                                        StandardOpenOption.READ)),
                                auth.getName(),
                                true)))
                        .doFinally(signal -> Schedulers.boundedElastic().schedule(() -> deleteIfExists(tmp))));
    }

    private Flux<String> lines(Flux<DataBuffer> body) {
        StringDecoder decoder = StringDecoder.allMimeTypes(List.of("\n"), true);
        decoder.setMaxInMemorySize(maxLineBytes);
        MediaType utf8 = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);
        return decoder.decode(body, ResolvableType.forClass(String.class), utf8, null)
                .map(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l)
                .onErrorMap(
                        DataBufferLimitException.class,
                        e -> new KbException(
                                HttpStatus.PAYLOAD_TOO_LARGE,
                                "line-too-long",
                                "Line too long",
                                "A line is longer than " + maxLineBytes + " bytes; lines before it were imported."));
    }

    private KbException tooLarge() {
        return new KbException(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "import-too-large",
                "Import too large",
                "An import has at most " + maxBytes + " bytes (KB_NDJSON_MAX_BYTES); nothing was imported.",
                java.util.Map.of("maxBytes", maxBytes));
    }

    private Path newTempFile() throws IOException {
        Files.createDirectories(temp);
        return Files.createTempFile(temp, "import-", ".ndjson");
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file is harmless; it is in the data directory's .tmp
        }
    }
}
