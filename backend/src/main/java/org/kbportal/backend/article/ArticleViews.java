package org.kbportal.backend.article;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.kbportal.backend.system.CurationProperties;
import org.kbportal.backend.system.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Read counts of published articles. A read only increments an in-memory counter; every {@code
 * kb.curation.view-flush-interval} the counts are added to {@code article_views} with {@code views
 * = views + n}, so reads never wait for the database and several instances add up correctly.
 */
@Component
public class ArticleViews extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(ArticleViews.class);

    private final Map<String, LongAdder> pending = new ConcurrentHashMap<>();
    private final DatabaseClient db;
    private final CurationProperties props;

    ArticleViews(DatabaseClient db, CurationProperties props) {
        super("View count flush");
        this.db = db;
        this.props = props;
    }

    /** Counts one read (cheap, no I/O). */
    void count(String articleId) {
        pending.computeIfAbsent(articleId, k -> new LongAdder()).increment();
    }

    /** Writes the buffered counts. */
    public Mono<Void> flush() {
        return Flux.fromIterable(pending.entrySet())
                .concatMap(e -> {
                    long n = e.getValue().sumThenReset();
                    if (n == 0) {
                        return Mono.empty();
                    }
                    return add(e.getKey(), n).onErrorResume(err -> {
                        e.getValue().add(n); // try again next time
                        log.warn("Could not store {} view(s) of {}: {}", n, e.getKey(), err.toString());
                        return Mono.empty();
                    });
                })
                .then();
    }

    /** Stored plus buffered reads of one article. */
    public Mono<Long> views(String articleId) {
        LongAdder buffered = pending.get(articleId);
        long extra = buffered == null ? 0 : buffered.sum();
        return db.sql("SELECT views FROM article_views WHERE article_id = :id")
                .bind("id", articleId)
                .map(r -> ((Number) r.get("views")).longValue())
                .one()
                .defaultIfEmpty(0L)
                .map(n -> n + extra);
    }

    private Mono<Void> add(String articleId, long n) {
        Mono<Long> update = db.sql("UPDATE article_views SET views = views + :n WHERE article_id = :id")
                .bind("n", n)
                .bind("id", articleId)
                .fetch()
                .rowsUpdated();
        return update.flatMap(rows -> rows > 0
                        ? Mono.<Void>empty()
                        : db.sql("INSERT INTO article_views (article_id, views) VALUES (:id, :n)")
                                .bind("id", articleId)
                                .bind("n", n)
                                .then())
                // another instance inserted the row meanwhile: add to it
                .onErrorResume(DataIntegrityViolationException.class, e -> update.then());
    }

    @Override
    protected Schedule schedule() {
        return Schedule.every(props.viewFlushInterval());
    }

    @Override
    protected Mono<?> runOnce() {
        return flush();
    }

    @Override
    protected Mono<?> onStop() {
        return flush();
    }
}
