package org.kbportal.backend.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kbportal.backend.testing.BackendServer;
import org.kbportal.backend.testing.PostgresCluster;
import org.kbportal.contract.backup.BackupRun;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Two backend instances on one PostgreSQL database reach the same scheduled slot at the same time:
 * exactly one writes the backup; retention keeps the newest scheduled archives.
 */
class ScheduledBackupIT {

    @Test
    void shouldRunAScheduledBackupOnceAcrossInstances() throws Exception {
        try (PostgresCluster pg = PostgresCluster.start("kb")) {
            Map<String, String> settings = pg.backendSettings(
                    "kb",
                    Map.of(
                            "kb.seed.index-data", "false",
                            "kb.search.embeddings", "false",
                            "kb.backup.retention", "1"));
            try (BackendServer one = BackendServer.start(BackendServer.tempDataDir("kb-sched-1"), settings);
                    BackendServer two = BackendServer.start(BackendServer.tempDataDir("kb-sched-2"), settings)) {
                List<BackendServer> servers = List.of(one, two);
                for (String slot : List.of("2026-11-23T02:30+08:00", "2026-11-24T02:30+08:00")) {
                    List<Optional<BackupRun>> claims = Mono.zip(
                                    claim(one, slot), claim(two, slot), (a, b) -> List.of(a, b))
                            .block(Duration.ofSeconds(30));
                    assertThat(claims.stream().filter(Optional::isPresent))
                            .as(slot)
                            .hasSize(1);
                    String id = claims.stream()
                            .flatMap(Optional::stream)
                            .findFirst()
                            .orElseThrow()
                            .id();
                    // the start-up check for runs an earlier process left RUNNING may come late (it did under
                    // load in CI): it must never fail a run this process has just started
                    for (BackendServer s : servers) {
                        s.bean(BackupService.class).failInterrupted().block(Duration.ofSeconds(10));
                    }
                    awaitDone(one.bean(BackupService.class), id);
                    // DONE is written before the audit row and retention: the instance stays busy until those end
                    for (BackendServer s : servers) {
                        awaitIdle(s.bean(BackupService.class));
                    }
                }
                List<BackupRun> runs = List.of();
                for (int i = 0; i < 100; i++) {
                    runs = one.bean(BackupService.class).list().collectList().block(Duration.ofSeconds(10));
                    if (runs.size() == 2 && "EXPIRED".equals(runs.get(1).status())) {
                        break;
                    }
                    Installation.sleep(100);
                }
                assertThat(runs)
                        .hasSize(2)
                        .allSatisfy(r -> assertThat(r.trigger()).isEqualTo("SCHEDULED"));
                // retention 1: the older scheduled archive is gone, the newer one is on one instance's disk
                assertThat(runs.get(1).status()).isEqualTo("EXPIRED");
                assertThat(runs.get(0).status()).isEqualTo("DONE");
                // the instance holding the expired archive may not be the one that expired it: each one
                // removes its own copies on its next scheduler tick, done here directly
                for (BackendServer s : servers) {
                    s.bean(BackupService.class).removeExpiredArchives().block(Duration.ofSeconds(10));
                }
                long archives = servers.stream()
                        .map(s -> s.dataDir().resolve("backups"))
                        .filter(Files::isDirectory)
                        .mapToLong(ScheduledBackupIT::zips)
                        .sum();
                assertThat(archives).isEqualTo(1);
            }
        }
    }

    private static Mono<Optional<BackupRun>> claim(BackendServer server, String slot) {
        return Mono.defer(() -> server.bean(BackupService.class).startScheduled(slot))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .subscribeOn(Schedulers.parallel());
    }

    private static void awaitDone(BackupService backups, String id) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            BackupRun r = backups.get(id).block(Duration.ofSeconds(10));
            if (!"RUNNING".equals(r.status())) {
                assertThat(r.status()).as(String.valueOf(r.error())).isIn("DONE", "EXPIRED");
                return;
            }
            Installation.sleep(100);
        }
        throw new AssertionError("scheduled backup did not finish");
    }

    private static void awaitIdle(BackupService backups) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (backups.busy()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the backup instance did not finish its run");
            }
            Installation.sleep(50);
        }
    }

    private static long zips(Path dir) {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".zip")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
