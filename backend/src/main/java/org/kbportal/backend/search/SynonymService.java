package org.kbportal.backend.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.kbportal.backend.system.KbException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Admin-managed synonym groups (蓝屏 ↔ BSOD ↔ blue screen), applied at query time by the application,
 * so both engines expand queries identically and a change takes effect at once, without reindexing.
 *
 * <p>Searches read the groups from memory, never from the database: the list is loaded on first use,
 * reloaded at once after a change made here and in the background every {@link #REFRESH} (changes
 * made by another instance). A failed or slow reload keeps the last list instead of holding up
 * searches.
 */
@Service
public class SynonymService {

    private static final Logger log = LoggerFactory.getLogger(SynonymService.class);
    static final Duration REFRESH = Duration.ofSeconds(30);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(10);

    private final DatabaseClient db;
    private final Clock clock;
    private final AtomicBoolean reloading = new AtomicBoolean();
    private volatile List<SynonymGroup> groups; // null until first loaded
    private volatile Instant loadedAt = Instant.EPOCH;

    SynonymService(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A group of interchangeable terms. */
    public record SynonymGroup(long id, List<String> terms, String updatedBy, Instant updatedAt) {}

    /** Every group, read from the database (the admin list). */
    public Flux<SynonymGroup> all() {
        return load().flatMapMany(Flux::fromIterable);
    }

    /** The groups searches use: from memory, loading them only on first use. */
    Mono<List<SynonymGroup>> current() {
        List<SynonymGroup> known = groups;
        if (known == null) {
            return load().timeout(LOAD_TIMEOUT).onErrorResume(e -> {
                log.warn("Synonyms could not be loaded, searching without them: {}", e.toString());
                return Mono.just(List.of());
            });
        }
        if (loadedAt.plus(REFRESH).isBefore(clock.instant()) && reloading.compareAndSet(false, true)) {
            load().timeout(LOAD_TIMEOUT)
                    .doFinally(s -> reloading.set(false))
                    .subscribe(
                            g -> {}, e -> log.warn("Synonym reload failed, keeping the last list: {}", e.toString()));
        }
        return Mono.just(known);
    }

    /** The other terms of every group that the query mentions. */
    public Mono<List<String>> expansions(String query) {
        String q = query.toLowerCase(Locale.ROOT);
        return current().map(groups -> {
            Set<String> out = new LinkedHashSet<>();
            for (SynonymGroup g : groups) {
                List<String> hit = g.terms().stream()
                        .filter(t -> mentions(q, t.toLowerCase(Locale.ROOT)))
                        .toList();
                if (!hit.isEmpty()) {
                    g.terms().stream()
                            .filter(t -> !hit.contains(t) && !mentions(q, t.toLowerCase(Locale.ROOT)))
                            .forEach(out::add);
                }
            }
            return List.copyOf(out);
        });
    }

    /** Han terms match as substrings (no word boundaries in Chinese), Latin ones as whole words. */
    static boolean mentions(String query, String term) {
        if (term.isEmpty()) {
            return false;
        }
        if (Embedder.languageOf(term).equals("zh")) {
            return query.contains(term);
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(term) + "(?![\\p{L}\\p{N}])")
                .matcher(query)
                .find();
    }

    public Mono<SynonymGroup> create(List<String> terms, String by) {
        List<String> clean = validate(terms);
        Instant now = clock.instant();
        return db.sql("INSERT INTO synonym_group (terms, updated_by, updated_at) VALUES (:t, :by, :at)")
                .bind("t", String.join("|", clean))
                .bind("by", by)
                .bind("at", now.atOffset(ZoneOffset.UTC))
                .filter(s -> s.returnGeneratedValues("id"))
                .map(r -> ((Number) r.get("id")).longValue())
                .one()
                .map(id -> new SynonymGroup(id, clean, by, now))
                .flatMap(x -> load().thenReturn(x));
    }

    public Mono<SynonymGroup> update(long id, List<String> terms, String by) {
        List<String> clean = validate(terms);
        Instant now = clock.instant();
        return db.sql("UPDATE synonym_group SET terms = :t, updated_by = :by, updated_at = :at WHERE id = :id")
                .bind("t", String.join("|", clean))
                .bind("by", by)
                .bind("at", now.atOffset(ZoneOffset.UTC))
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .flatMap(n -> n == 0 ? Mono.error(notFound(id)) : Mono.just(new SynonymGroup(id, clean, by, now)))
                .flatMap(x -> load().thenReturn(x));
    }

    public Mono<Void> delete(long id) {
        return db.sql("DELETE FROM synonym_group WHERE id = :id")
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .flatMap(n -> n == 0 ? Mono.<Void>error(notFound(id)) : load().then());
    }

    private static List<String> validate(List<String> terms) {
        if (terms == null) {
            throw KbException.badRequest("invalid-synonyms", "A synonym group needs at least two terms.");
        }
        List<String> clean = new ArrayList<>(new LinkedHashSet<>(terms.stream()
                .filter(t -> t != null)
                .map(t -> t.replace("|", " ").strip())
                .filter(t -> !t.isEmpty())
                .toList()));
        if (clean.size() < 2 || clean.size() > 20 || clean.stream().anyMatch(t -> t.length() > 50)) {
            throw KbException.badRequest(
                    "invalid-synonyms", "A synonym group has 2 to 20 terms of at most 50 characters.");
        }
        return clean;
    }

    /** Reads the groups from the database and makes them the ones searches use. */
    private Mono<List<SynonymGroup>> load() {
        Instant started = clock.instant();
        return db.sql("SELECT id, terms, updated_by, updated_at FROM synonym_group ORDER BY id")
                .map(r -> new SynonymGroup(
                        ((Number) r.get("id")).longValue(),
                        Arrays.stream(r.get("terms", String.class).split("\\|"))
                                .map(String::strip)
                                .toList(),
                        r.get("updated_by", String.class),
                        r.get("updated_at", java.time.OffsetDateTime.class).toInstant()))
                .all()
                .collectList()
                .doOnNext(list -> {
                    synchronized (this) {
                        if (!started.isBefore(loadedAt)) { // an older, slower read never overwrites a newer one
                            groups = List.copyOf(list);
                            loadedAt = started;
                        }
                    }
                });
    }

    private static KbException notFound(long id) {
        return KbException.notFound("synonym-not-found", "No synonym group " + id + ".");
    }
}
