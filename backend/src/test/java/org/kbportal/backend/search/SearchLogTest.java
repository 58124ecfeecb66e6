package org.kbportal.backend.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The write-behind query log on a real (in-memory) H2 with the shipped migrations. */
class SearchLogTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    ConnectionFactory factory;
    DatabaseClient db;

    @BeforeEach
    void setUp() {
        String name = "search-log-" + UUID.randomUUID();
        // the shipped migrations, with one search logged before V11 moved the ids into the application
        org.flywaydb.core.api.configuration.FluentConfiguration flyway = org.flywaydb.core.Flyway.configure()
                .dataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "")
                .placeholderReplacement(false);
        flyway.target("10").load().migrate();
        factory = ConnectionFactories.get(
                io.r2dbc.spi.ConnectionFactoryOptions.parse("r2dbc:h2:mem:///" + name + "?options=DB_CLOSE_DELAY=-1")
                        .mutate()
                        .option(io.r2dbc.spi.ConnectionFactoryOptions.USER, "sa")
                        .option(io.r2dbc.spi.ConnectionFactoryOptions.PASSWORD, "")
                        .build());
        db = DatabaseClient.create(factory);
        db.sql("INSERT INTO search_log (query, hits, latency_ms, user_role, created_at)"
                        + " VALUES ('old', 1, 5, 'USER', CURRENT_TIMESTAMP)")
                .then()
                .block(WAIT);
        flyway.target("latest").load().migrate();
    }

    SearchLog newLog() {
        return new SearchLog(
                db,
                TransactionalOperator.create(new R2dbcTransactionManager(factory)),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    long count(String where) {
        return db.sql("SELECT COUNT(*) AS n FROM search_log WHERE " + where)
                .map(r -> ((Number) r.get("n")).longValue())
                .one()
                .block(WAIT);
    }

    @Test
    void shouldGiveDistinctIdsFromSeveralInstancesAndWriteEveryRowOnFlush() throws Exception {
        // two instances on one database, three threads each: more searches than one block per instance
        List<SearchLog> logs = List.of(newLog(), newLog());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<List<Long>>> runs = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            SearchLog log = logs.get(t % 2);
            String user = t == 0 ? null : "user" + t;
            runs.add(pool.submit(() -> {
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < 150; i++) {
                    ids.add(log.record("查询 " + i, i % 2 == 0 ? null : "type=faq", i, 7, "USER", user)
                            .block(WAIT));
                }
                return ids;
            }));
        }
        Set<Long> ids = new HashSet<>();
        for (Future<List<Long>> run : runs) {
            ids.addAll(run.get());
        }
        pool.shutdown();
        assertThat(ids).hasSize(900).allSatisfy(id -> assertThat(id).isGreaterThan(1L));
        for (SearchLog log : logs) {
            log.flush().block(WAIT);
        }
        assertThat(count("query LIKE '查询 %'")).isEqualTo(900);
        assertThat(count("filters = 'type=faq' AND username IS NOT NULL")).isEqualTo(375);
        assertThat(count("username IS NULL AND query <> 'old'")).isEqualTo(150);
        List<Long> stored = db.sql("SELECT id FROM search_log WHERE query <> 'old'")
                .map(r -> ((Number) r.get("id")).longValue())
                .all()
                .collectList()
                .block(WAIT);
        assertThat(new HashSet<>(stored)).isEqualTo(ids);
    }

    @Test
    void shouldTakeAClickOnASearchNotYetFlushedAndRefuseAnUnknownOne() {
        SearchLog log = newLog();
        long id = log.record("打印机卡纸", null, 3, 9, "ANONYMOUS", null).block(WAIT);
        assertThat(count("id = " + id)).isZero(); // still queued
        log.opened(id, "FAQ-1~0").block(WAIT);
        assertThat(count("id = " + id + " AND opened_id = 'FAQ-1~0'")).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> log.opened(id + 10_000, "FAQ-1").block(WAIT))
                .hasMessageContaining("No logged search");
    }

    @Test
    void shouldDropAFailedBatchWithoutFailingLaterFlushesOrClicks() {
        SearchLog log = newLog();
        log.record("first", null, 1, 1, "USER", "u").block(WAIT);
        db.sql("ALTER TABLE search_log RENAME TO search_log_away").then().block(WAIT);
        log.flush().block(WAIT); // the batch fails, is logged and dropped; the flush itself completes
        db.sql("ALTER TABLE search_log_away RENAME TO search_log").then().block(WAIT);
        long second = log.record("second", null, 1, 1, "USER", "u").block(WAIT);
        log.opened(second, "FAQ-2").block(WAIT);
        assertThat(count("query = 'first'")).isZero();
        assertThat(count("query = 'second' AND opened_id = 'FAQ-2'")).isEqualTo(1);
    }

    @Test
    void shouldWriteQueuedRowsWhenStopped() throws Exception {
        SearchLog log = newLog();
        log.start();
        log.record("before stop", null, 0, 2, "USER", null).block(WAIT);
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        log.stop(stopped::countDown);
        assertThat(stopped.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(log.isRunning()).isFalse();
        assertThat(count("query = 'before stop' AND hits = 0")).isEqualTo(1);
    }

    @Test
    void shouldContinueAfterRowsWrittenBehindItsBack() {
        // e.g. a backup from before id_block restored: rows up to 5,000, the block counter still at 2
        db.sql("INSERT INTO search_log (id, query, hits, latency_ms, user_role, created_at)"
                        + " VALUES (5000, 'restored', 1, 5, 'USER', CURRENT_TIMESTAMP)")
                .then()
                .block(WAIT);
        SearchLog log = newLog();
        long id = log.record("after restore", null, 1, 1, "USER", null).block(WAIT);
        assertThat(id).isGreaterThan(5000L);
        log.flush().block(WAIT);
        assertThat(count("query = 'after restore'")).isEqualTo(1);
    }
}
