package org.kbportal.backend.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.kbportal.backend.system.KbProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Loads the shipped knowledge ({@code index-data/}: {@code faq/*.jsonl}, {@code cases/*.jsonl},
 * {@code manuals/*.md} with a small front matter) on start-up. Idempotent: articles whose id already
 * exists are left as they are, so a second start adds nothing and edits made in the portal survive.
 */
@Component
class SeedLoader {

    private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

    private final KnowledgeImporter importer;
    private final KbProperties props;

    SeedLoader(KnowledgeImporter importer, KbProperties props) {
        this.importer = importer;
        this.props = props;
    }

    Mono<KnowledgeImporter.Result> load() {
        if (!props.seed().indexData()) {
            return Mono.empty();
        }
        return Mono.fromCallable(this::readAll)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(lines -> importer.importLines(Flux.fromIterable(lines), "seed", false))
                .doOnNext(r -> {
                    if (r.failedTotal() > 0) {
                        log.warn("Seed data: {} records rejected: {}", r.failedTotal(), r.failed());
                    }
                    log.info("Seed data: {} new articles loaded", r.imported());
                });
    }

    /** Every seed record as one JSON line (manuals are converted). */
    List<String> readAll() throws IOException {
        List<String> lines = new ArrayList<>();
        for (Source s : sources()) {
            if (s.name().endsWith(".jsonl")) {
                s.content().lines().forEach(lines::add);
            } else if (s.name().endsWith(".md")) {
                lines.add(FrontMatter.toJsonLine(s.name(), s.content()));
            }
        }
        return lines;
    }

    private record Source(String name, String content) {}

    private List<Source> sources() throws IOException {
        List<Source> sources = new ArrayList<>();
        Path dir = props.seed().indexDataDir();
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                    sources.add(new Source(p.toString(), Files.readString(p, StandardCharsets.UTF_8)));
                }
            }
            return sources;
        }
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:index-data/**/*.*");
        List<Resource> sorted = new ArrayList<>(List.of(resources));
        sorted.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
        for (Resource r : sorted) {
            try (InputStream in = r.getInputStream()) {
                sources.add(new Source(
                        String.valueOf(r.getFilename()), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return sources;
    }
}
