package org.kbportal.backend.manual;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.kbportal.backend.article.Article;
import org.kbportal.backend.article.ArticleInput;
import org.kbportal.backend.article.ArticleService;
import org.kbportal.backend.article.ArticleType;
import org.kbportal.backend.article.Languages;
import org.kbportal.backend.files.FileStore;
import org.kbportal.backend.files.UploadPolicy;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.KbProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Makes manuals from uploaded documents: receives the file into a temporary file (size-limited),
 * checks and extracts it in the background, and only then stores anything: the manual (a new
 * article, or a new version of an existing manual), its upload record and the original file. A
 * file that fails any check leaves nothing behind.
 */
@Service
public class ManualService {

    private static final Logger log = LoggerFactory.getLogger(ManualService.class);

    /**
     * The optional fields of an upload.
     *
     * @param title the manual's title (default: the document's title, else the file name)
     * @param category a category code or name
     * @param lang zh or en (default: guessed from the text)
     * @param manualId an existing manual to upload a new version of
     */
    public record Fields(String title, String category, String lang, String manualId) {}

    private final ArticleService articles;
    private final FileStore files;
    private final ManualSourceRepository sources;
    private final ManualJobs jobs;
    private final KbProperties props;
    private final Clock clock;

    ManualService(
            ArticleService articles,
            FileStore files,
            ManualSourceRepository sources,
            ManualJobs jobs,
            KbProperties props,
            Clock clock) {
        this.articles = articles;
        this.files = files;
        this.sources = sources;
        this.jobs = jobs;
        this.props = props;
        this.clock = clock;
    }

    /** Receives the file and starts its extraction; the job tells when (and how) it ended. */
    Mono<ManualJobs.Job> upload(String fileName, Flux<DataBuffer> content, Fields fields, String by) {
        return Mono.fromCallable(() -> {
                    if (fields.lang() != null) {
                        Languages.normalise(fields.lang()); // a 400 before the file is received
                    }
                    return DocumentFormat.ofFileName(fileName);
                })
                .flatMap(format -> target(fields).then(receive(content)).map(temp -> {
                    ManualJobs.Job job = jobs.start(fileName);
                    // runs on after the request answered (202); its outcome is kept in the job
                    process(job, format, temp, fileName, fields, by).subscribe();
                    return job;
                }));
    }

    /** Checks the manual a new version is for, before the file is received. */
    private Mono<Article> target(Fields fields) {
        if (fields.manualId() == null) {
            return Mono.empty();
        }
        return articles.get(fields.manualId(), true)
                .flatMap(a -> a.type() == ArticleType.MANUAL
                        ? Mono.just(a)
                        : Mono.error(KbException.conflict(
                                "not-a-manual",
                                "Article '" + a.id() + "' is not a manual; only manuals take documents.")));
    }

    /** Writes the upload to a temporary file, failing as soon as it passes the size limit. */
    private Mono<Path> receive(Flux<DataBuffer> content) {
        long limit = props.manuals().maxUpload().toBytes();
        AtomicLong seen = new AtomicLong();
        return Mono.fromCallable(() -> {
                    Path dir = props.dataDir().resolve("tmp");
                    Files.createDirectories(dir);
                    return Files.createTempFile(dir, "upload-", ".part");
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(temp -> DataBufferUtils.write(
                                content.doOnNext(b -> {
                                    if (seen.addAndGet(b.readableByteCount()) > limit) {
                                        DataBufferUtils.release(b);
                                        throw DocumentProblems.tooLarge(
                                                props.manuals().maxUpload());
                                    }
                                }),
                                temp)
                        .then(Mono.fromCallable(() -> {
                            if (Files.size(temp) == 0) {
                                throw KbException.badRequest("empty-file", "The uploaded file is empty.");
                            }
                            return temp;
                        }))
                        .onErrorResume(e -> {
                            delete(temp);
                            return Mono.error(e);
                        }));
    }

    private Mono<ManualUploadResult> process(
            ManualJobs.Job job, DocumentFormat format, Path temp, String fileName, Fields fields, String by) {
        String lang = fields.lang() == null ? null : Languages.normalise(fields.lang());
        return Mono.fromCallable(() -> DocumentReader.read(format, temp, fileName, lang, job::progress))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(content -> store(content, format, temp, fileName, fields, lang, by))
                .map(result -> {
                    ManualUploadResult r = new ManualUploadResult(
                            result.id(),
                            result.status(),
                            result.sections(),
                            result.version(),
                            result.pages(),
                            job.id());
                    job.succeed(r, clock.instant());
                    return r;
                })
                .onErrorResume(e -> {
                    job.fail(problem(e), clock.instant());
                    return Mono.empty();
                })
                .doFinally(s -> delete(temp));
    }

    private Mono<ManualUploadResult> store(
            DocumentReader.Content content,
            DocumentFormat format,
            Path temp,
            String fileName,
            Fields fields,
            String lang,
            String by) {
        if (content.markdown().length() > props.manuals().maxChars()) {
            return Mono.error(DocumentProblems.tooLong(props.manuals().maxChars()));
        }
        String resolvedLang = lang != null ? lang : PlainText.guessLang(content.markdown());
        UploadPolicy policy = new UploadPolicy(props.manuals().maxUpload(), format.acceptedTypes());
        Flux<DataBuffer> bytes = DataBufferUtils.read(temp, DefaultDataBufferFactory.sharedInstance, 64 * 1024);
        // the original first: if storing the manual fails afterwards, the file is removed again
        return files.store(bytes, fileName, policy, "manual", by).flatMap(file -> {
            Mono<Article> saved = fields.manualId() == null
                    ? articles.create(newManual(content, fileName, fields, resolvedLang), by)
                    : target(fields)
                            .flatMap(current ->
                                    articles.update(current.id(), nextVersion(current, content, fields, lang), by));
            return saved.flatMap(a -> {
                        int sections = a.sections().size();
                        ManualSource source = new ManualSource(
                                a.id(),
                                a.version(),
                                file.id(),
                                file.name(),
                                format,
                                file.size(),
                                content.pages(),
                                sections,
                                by,
                                clock.instant());
                        return sources.insert(source)
                                .thenReturn(new ManualUploadResult(
                                        a.id(), a.status().name(), sections, a.version(), content.pages(), null));
                    })
                    .onErrorResume(e -> files.delete(file.id()).then(Mono.error(e)));
        });
    }

    private static ArticleInput newManual(DocumentReader.Content content, String fileName, Fields fields, String lang) {
        String title = firstNonBlank(fields.title(), content.title(), DocumentReader.baseName(fileName));
        String id = "MANUAL-" + UUID.randomUUID().toString().substring(0, 8);
        return new ArticleInput(
                id,
                "manual",
                lang,
                blank(fields.category()) ? null : fields.category(),
                cut(title, 500),
                content.markdown(),
                null,
                null,
                null,
                null,
                List.of(),
                null);
    }

    private static ArticleInput nextVersion(
            Article current, DocumentReader.Content content, Fields fields, String lang) {
        return new ArticleInput(
                current.id(),
                "manual",
                lang != null ? lang : current.lang(),
                blank(fields.category()) ? current.category() : fields.category(),
                cut(firstNonBlank(fields.title(), current.title()), 500),
                content.markdown(),
                null,
                null,
                null,
                null,
                current.tags(),
                current.version());
    }

    /** A job's failure as a problem: the document's own problems as they are, anything else as 500. */
    private static KbException problem(Throwable e) {
        if (e instanceof KbException k) {
            return k;
        }
        log.error("Manual extraction failed unexpectedly", e);
        return new KbException(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Internal error",
                "Something went wrong on our side; it has been logged.");
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete temporary upload {}", file, e);
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (!blank(v)) {
                return v.strip();
            }
        }
        return "manual";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
