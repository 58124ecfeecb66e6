package org.kbportal.backend.search;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.kbportal.backend.article.IndexOutbox;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Index status, rebuild and synonyms for admins (ADMIN-only by path in the security rules). */
@RestController
class IndexAdminController {

    private final SearchEngine engine;
    private final SearchIndexer indexer;
    private final IndexOutbox outbox;
    private final SynonymService synonyms;

    IndexAdminController(SearchEngine engine, SearchIndexer indexer, IndexOutbox outbox, SynonymService synonyms) {
        this.engine = engine;
        this.indexer = indexer;
        this.outbox = outbox;
        this.synonyms = synonyms;
    }

    /** {@code pending}: changes not yet fully indexed (vectors included); {@code indexed}: articles. */
    record IndexStatus(
            long pending, long failing, long indexed, String engine, SearchIndexer.RebuildProgress rebuild) {}

    @GetMapping("/api/admin/index/status")
    Mono<IndexStatus> status() {
        return Mono.zip(
                        outbox.pending(),
                        outbox.failing(),
                        Mono.fromCallable(engine::articleCount).subscribeOn(Schedulers.boundedElastic()))
                .map(t -> new IndexStatus(t.getT1(), t.getT2(), t.getT3(), engine.name(), indexer.rebuildProgress()));
    }

    @PostMapping("/api/admin/index/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<SearchIndexer.RebuildProgress> rebuild() {
        return Mono.fromSupplier(indexer::startRebuild);
    }

    @GetMapping("/api/admin/index/rebuild")
    Mono<SearchIndexer.RebuildProgress> rebuildProgress() {
        return Mono.just(indexer.rebuildProgress());
    }

    record Terms(@NotNull List<String> terms) {}

    @GetMapping("/api/admin/synonyms")
    Flux<SynonymService.SynonymGroup> synonyms() {
        return synonyms.all();
    }

    @PostMapping("/api/admin/synonyms")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<SynonymService.SynonymGroup> createSynonyms(@Valid @RequestBody Terms t, Authentication auth) {
        return Mono.defer(() -> synonyms.create(t.terms(), auth.getName()));
    }

    @PutMapping("/api/admin/synonyms/{id}")
    Mono<SynonymService.SynonymGroup> updateSynonyms(
            @PathVariable long id, @Valid @RequestBody Terms t, Authentication auth) {
        return Mono.defer(() -> synonyms.update(id, t.terms(), auth.getName()));
    }

    @DeleteMapping("/api/admin/synonyms/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> deleteSynonyms(@PathVariable long id) {
        return synonyms.delete(id);
    }
}
