package org.kbportal.backend.manual;

import java.net.URI;
import java.time.Duration;
import org.kbportal.backend.files.FileStore;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.KbProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Manuals from documents. An upload answers {@code 201} (new manual) or {@code 200} (new version)
 * with {@code {"id","status","sections",...}} when extraction ends within {@code kb.manuals.answer-within},
 * else {@code 202} with the job and its URL in {@code Location}; problems found in that time are
 * answered at once as 4xx. A client that shows progress itself asks for {@code ?wait=0} (seconds,
 * at most the configured time).
 */
@RestController
class ManualController {

    private final ManualService manuals;
    private final ManualJobs jobs;
    private final ManualCatalog catalog;
    private final KbProperties props;
    private final FileStore files;

    ManualController(
            ManualService manuals, ManualJobs jobs, ManualCatalog catalog, KbProperties props, FileStore files) {
        this.files = files;
        this.manuals = manuals;
        this.jobs = jobs;
        this.catalog = catalog;
        this.props = props;
    }

    @PostMapping(path = "/api/admin/manuals", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<Object>> upload(
            ServerWebExchange exchange, @RequestParam(required = false) Double wait, Authentication auth) {
        Duration longest = props.manuals().answerWithin();
        Duration within = wait == null || wait < 0 || wait * 1000 > longest.toMillis()
                ? longest
                : Duration.ofMillis((long) (wait * 1000));
        return exchange.getMultipartData()
                .onErrorMap(
                        DataBufferLimitException.class,
                        e -> DocumentProblems.tooLarge(props.manuals().maxUpload()))
                .flatMap(parts -> {
                    if (!(parts.getFirst("file") instanceof FilePart file)) {
                        return Mono.error(KbException.badRequest(
                                "missing-file", "Send the document as the multipart part 'file'."));
                    }
                    ManualService.Fields fields = new ManualService.Fields(
                            field(parts, "title"),
                            field(parts, "category"),
                            field(parts, "lang"),
                            field(parts, "manualId"));
                    return manuals.upload(file.filename(), file.content(), fields, auth.getName())
                            .flatMap(job -> answer(job, fields.manualId() == null, within));
                });
    }

    private Mono<ResponseEntity<Object>> answer(ManualJobs.Job job, boolean created, Duration within) {
        URI jobUri = URI.create("/api/admin/manuals/jobs/" + job.id());
        if (within.isZero()) {
            return Mono.just(ResponseEntity.accepted().location(jobUri).body(job.view()));
        }
        return job.outcome()
                .map(r -> ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                        .location(URI.create("/api/articles/" + r.id()))
                        .<Object>body(r))
                .timeout(
                        props.manuals().answerWithin(),
                        Mono.fromSupplier(
                                () -> ResponseEntity.accepted().location(jobUri).<Object>body(job.view())));
    }

    @GetMapping("/api/admin/manuals/jobs/{jobId}")
    Mono<ManualJobView> job(@PathVariable String jobId) {
        return Mono.justOrEmpty(jobs.find(jobId))
                .map(ManualJobs.Job::view)
                .switchIfEmpty(Mono.error(() -> ManualJobs.notFound(jobId)));
    }

    @GetMapping("/api/admin/manuals")
    Flux<ManualCatalog.Entry> list() {
        return catalog.manuals();
    }

    @GetMapping("/api/articles/{id}/sources")
    Flux<ManualSource> uploads(@PathVariable String id, Authentication auth) {
        return catalog.uploads(id, isCurator(auth), seesHistory(auth));
    }

    /** The original document (of {@code version}, default the current one), always as a download. */
    @GetMapping("/api/articles/{id}/file")
    Mono<ResponseEntity<Resource>> original(
            @PathVariable String id, @RequestParam(required = false) Integer version, Authentication auth) {
        return catalog.original(id, version, isCurator(auth), seesHistory(auth)).map(files::asAttachment);
    }

    /** Curators (ADMIN, EXPERT) see earlier versions' documents; readers only the current one. */
    static boolean seesHistory(Authentication auth) {
        return auth != null
                && auth.getAuthorities().stream()
                        .anyMatch(g -> g.getAuthority().equals("ROLE_ADMIN")
                                || g.getAuthority().equals("ROLE_EXPERT"));
    }

    static boolean isCurator(Authentication auth) {
        return auth != null
                && auth.getAuthorities().stream().anyMatch(g -> g.getAuthority().equals("ROLE_ADMIN"));
    }

    private static String field(MultiValueMap<String, Part> parts, String name) {
        return parts.getFirst(name) instanceof FormFieldPart f && !f.value().isBlank()
                ? f.value().strip()
                : null;
    }
}
