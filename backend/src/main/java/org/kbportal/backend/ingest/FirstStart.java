package org.kbportal.backend.ingest;

import java.time.Duration;
import org.kbportal.backend.account.AccountSeeder;
import org.kbportal.backend.search.IndexOutboxDrain;
import org.kbportal.backend.search.SearchIndexer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Start-up work, in order: accounts, an index rebuild when the index is missing or disagrees with
 * the database, then the shipped knowledge, then the index outbox drain starts. It runs without blocking the start; the {@code seed}
 * health indicator (part of readiness) is DOWN until it is done, and {@link #ready()} completes then.
 */
@Component("seed")
public class FirstStart implements ApplicationRunner, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final AccountSeeder accounts;
    private final SearchIndexer indexer;
    private final SeedLoader seed;
    private final java.util.List<org.kbportal.backend.system.StartupSeed> featureSeeds;
    private final Sinks.One<Boolean> done = Sinks.one();
    private volatile Health health =
            Health.down().withDetail("state", "starting").build();

    private final IndexOutboxDrain drain;
    private final java.nio.file.Path reindexMarker;

    FirstStart(
            AccountSeeder accounts,
            SearchIndexer indexer,
            IndexOutboxDrain drain,
            SeedLoader seed,
            java.util.List<org.kbportal.backend.system.StartupSeed> featureSeeds,
            org.kbportal.backend.system.KbProperties props) {
        this.featureSeeds = featureSeeds;
        this.drain = drain;
        this.reindexMarker = props.reindexMarker();
        this.accounts = accounts;
        this.indexer = indexer;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        long start = System.nanoTime();
        accounts.seed()
                .thenMany(reactor.core.publisher.Flux.fromIterable(featureSeeds)
                        .concatMap(org.kbportal.backend.system.StartupSeed::seed))
                .then(Mono.defer(this::rebuildIndex))
                .then(seed.load().then())
                .subscribe(
                        null,
                        e -> {
                            log.error("Start-up seeding failed", e);
                            health = Health.down(e instanceof Exception ex ? ex : new IllegalStateException(e))
                                    .build();
                            done.tryEmitError(e);
                        },
                        () -> {
                            drain.start();
                            long ms =
                                    Duration.ofNanos(System.nanoTime() - start).toMillis();
                            log.info("Start-up seeding done in {} ms", ms);
                            health = Health.up().withDetail("seededInMs", ms).build();
                            done.tryEmitValue(true);
                        });
    }

    /** After a restore (marker file) always rebuild: the index may be an older installation's. */
    private Mono<Void> rebuildIndex() {
        if (!java.nio.file.Files.exists(reindexMarker)) {
            return indexer.rebuildIfNeeded();
        }
        log.info("Restored installation: rebuilding the search index from the database");
        return indexer.rebuild()
                .then(Mono.fromCallable(() -> java.nio.file.Files.deleteIfExists(reindexMarker))
                        .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()))
                .then();
    }

    /** Completes when start-up seeding has finished. */
    public Mono<Void> ready() {
        return done.asMono().then();
    }

    @Override
    public Health health() {
        return health;
    }
}
