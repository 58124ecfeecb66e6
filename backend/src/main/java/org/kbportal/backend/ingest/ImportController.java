package org.kbportal.backend.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.KbProperties;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.StringDecoder;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code POST /api/admin/import}: NDJSON, one knowledge record a line, streamed. */
@RestController
class ImportController {

    private final KnowledgeImporter importer;
    private final int maxLineBytes;

    ImportController(KnowledgeImporter importer, KbProperties props) {
        this.importer = importer;
        this.maxLineBytes = props.ingest().maxLineBytes();
    }

    @PostMapping(
            path = "/api/admin/import",
            consumes = {"application/x-ndjson", "application/jsonl", "application/json", "text/plain"})
    Mono<KnowledgeImporter.Result> importNdjson(ServerHttpRequest request, Authentication auth) {
        StringDecoder decoder = StringDecoder.allMimeTypes(List.of("\n"), true);
        decoder.setMaxInMemorySize(maxLineBytes);
        MediaType utf8 = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);
        Flux<String> lines = decoder.decode(request.getBody(), ResolvableType.forClass(String.class), utf8, null)
                .map(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l)
                .onErrorMap(
                        DataBufferLimitException.class,
                        e -> new KbException(
                                HttpStatus.PAYLOAD_TOO_LARGE,
                                "line-too-long",
                                "Line too long",
                                "A line is longer than " + maxLineBytes + " bytes; lines before it were imported."));
        return importer.importLines(lines, auth.getName(), true);
    }
}
