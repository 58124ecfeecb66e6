package org.kbportal.backend.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.kbportal.backend.audit.AuditLog;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.KbProperties;
import org.kbportal.backend.system.SafePath;
import org.kbportal.contract.backup.BackupRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Backups of the whole installation (every table, the uploaded files) into {@code
 * ${kb.data-dir}/backups/}. A backup runs in the background on a blocking thread; its row in {@code
 * backup_run} carries the progress, so any instance can report it. One backup at a time per instance.
 */
@Service
public class BackupService {

    private static final Logger log = LoggerFactory.getLogger(BackupService.class);
    /** Archive names carry the local time of the portal's zone ({@code kb.questions.zone}), as people read it. */
    private static final String STAMP = "yyyyMMdd-HHmmss";

    private final BackupRepository runs;
    private final AuditLog audit;
    private final org.kbportal.backend.search.SearchLog searchLog;
    private final KbProperties props;
    private final Clock clock;
    private final JdbcTarget db;
    private final ArchiveSeal seal;
    private final String instance;
    /** Runs of this instance started before this moment were left behind by an earlier process. */
    private final java.time.Instant bootedAt;

    private final AtomicBoolean busy = new AtomicBoolean();

    BackupService(
            BackupRepository runs,
            AuditLog audit,
            org.kbportal.backend.search.SearchLog searchLog,
            KbProperties props,
            Clock clock,
            @Value("${kb.db.url}") String url,
            @Value("${kb.db.username:}") String username,
            @Value("${kb.db.password:}") String password,
            @Value("${kb.crypto.suite:STANDARD}") String suite) {
        this.runs = runs;
        this.audit = audit;
        this.searchLog = searchLog;
        this.props = props;
        this.clock = clock;
        this.db = new JdbcTarget(url, username, password);
        this.seal = ArchiveSeal.configured(props.backup(), suite);
        this.instance = instanceName(props);
        this.bootedAt = clock.instant();
    }

    String stamp(java.time.Instant at) {
        return DateTimeFormatter.ofPattern(STAMP, Locale.ROOT)
                .withZone(props.questions().zone())
                .format(at);
    }

    /** Starts a backup requested by an admin; 409 while this instance is already writing one. */
    public Mono<BackupRun> start(String by) {
        return begin("MANUAL", null, by)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("manual backups are never refused a row")));
    }

    /**
     * Starts the scheduled backup of {@code slot} unless another instance already claimed it; empty
     * then.
     */
    Mono<BackupRun> startScheduled(String slot) {
        return begin("SCHEDULED", slot, null);
    }

    private Mono<BackupRun> begin(String trigger, String slot, String by) {
        if (!busy.compareAndSet(false, true)) {
            return Mono.error(KbException.conflict("backup-running", "A backup is already running; wait for it."));
        }
        String id = UUID.randomUUID().toString();
        return runs.insert(id, trigger, slot, by, instance, clock.instant())
                .flatMap(claimed -> {
                    if (!claimed) {
                        busy.set(false);
                        return Mono.<BackupRun>empty();
                    }
                    // the query log is written behind the searches: what was searched before now is included
                    searchLog
                            .flush()
                            .then(Mono.fromCallable(() -> write(id)).subscribeOn(Schedulers.boundedElastic()))
                            .flatMap(done -> finish(id, done, by))
                            .then("SCHEDULED".equals(trigger) ? applyRetention() : Mono.empty())
                            .onErrorResume(e -> fail(id, e))
                            .doFinally(s -> busy.set(false))
                            .subscribe();
                    return runs.find(id);
                })
                .doOnError(e -> busy.set(false));
    }

    private record Written(String fileName, long size, Manifest manifest) {}

    private Written write(String id) throws Exception {
        Path dir = props.backupDir();
        Files.createDirectories(dir);
        String name = "kb-backup-" + stamp(clock.instant()) + "-" + id.substring(0, 8) + ".zip";
        Path part = dir.resolve(name + ".part");
        AtomicLong lastReport = new AtomicLong();
        Snapshot.Progress progress = (td, tt, fd, ft) -> {
            long now = System.nanoTime();
            boolean last = td == tt && fd == ft;
            if (last || now - lastReport.get() > 300_000_000L) {
                lastReport.set(now);
                int percent = (int) Math.min(99, Math.round(100.0 * (td + fd) / Math.max(1, tt + ft)));
                runs.progress(id, td, tt, fd, ft, percent)
                        .onErrorResume(e -> Mono.empty())
                        .subscribe();
            }
        };
        Manifest m;
        ArchiveSeal signing = seal.withInstallationSecret(db);
        try (OutputStream out = Files.newOutputStream(part)) {
            m = Snapshot.write(
                    db,
                    props.filesDir(),
                    out,
                    "backup",
                    t -> !t.equals(Schema.BACKUP_RUNS),
                    ArchiveSeal::backupRowFilters,
                    Archives.JSON,
                    progress,
                    signing);
        } catch (Exception e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Path file = dir.resolve(name);
        Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
        return new Written(name, Files.size(file), m);
    }

    private Mono<Void> finish(String id, Written w, String by) {
        long rows = w.manifest().tables().stream()
                .mapToLong(Manifest.TableEntry::rows)
                .sum();
        log.info(
                "Backup {} written: {} ({} bytes, {} rows, {} files)",
                id,
                w.fileName(),
                w.size(),
                rows,
                w.manifest().files());
        return runs.done(id, w.fileName(), w.size(), clock.instant())
                .then(audit.record(
                        by == null ? "system" : by,
                        "backups.completed",
                        id,
                        200,
                        w.fileName() + ", " + w.size() + " bytes, " + rows + " rows, "
                                + w.manifest().files() + " files",
                        null));
    }

    private Mono<Void> fail(String id, Throwable e) {
        log.error("Backup {} failed", id, e);
        return runs.failed(id, e.toString(), clock.instant())
                .then(audit.record("system", "backups.failed", id, 500, e.toString(), null))
                .onErrorResume(x -> Mono.empty());
    }

    public Mono<BackupRun> get(String id) {
        return runs.find(id)
                .map(BackupRun::withDownload)
                .switchIfEmpty(Mono.error(() -> KbException.notFound("backup-not-found", "No backup " + id + ".")));
    }

    public Flux<BackupRun> list() {
        return runs.latest(200).map(BackupRun::withDownload);
    }

    /** The archive of a finished backup; 404 when it is not DONE or the file is gone. */
    public Mono<Path> archive(String id) {
        return get(id).flatMap(r -> {
            if (!BackupRun.DONE.equals(r.status()) || r.fileName() == null) {
                return Mono.error(KbException.notFound("backup-not-ready", "Backup " + id + " has no archive."));
            }
            return Mono.fromCallable(() -> {
                        // the name comes from a database row: it must be a plain file in the backup directory
                        Path file = SafePath.fileIn(props.backupDir(), r.fileName());
                        return SafePath.isRegularFile(file) ? file : null;
                    })
                    .subscribeOn(Schedulers.boundedElastic())
                    // off the worker: a cancel interrupts it, and an interrupted H2 write closes the database
                    // (the audit row of this download is written downstream)
                    .publishOn(Schedulers.parallel())
                    .onErrorMap(SafePath.UnsafePath.class, e -> {
                        log.warn("Backup {} names an unsafe file; not served: {}", id, e.getMessage());
                        return KbException.notFound(
                                "backup-file-refused",
                                "The archive name of backup " + id + " is not a safe file name.");
                    })
                    .switchIfEmpty(Mono.error(() -> KbException.notFound(
                            "backup-file-missing",
                            "The archive of backup " + id + " is not on this instance's disk.")));
        });
    }

    /**
     * Expires scheduled archives beyond {@code kb.backup.retention} (manual ones stay), then deletes this
     * instance's copies of every expired archive: the instance that expires a run may not be the one whose
     * disk holds it, so each instance also cleans up on its scheduler tick ({@link #removeExpiredArchives}).
     */
    Mono<Void> applyRetention() {
        return runs.scheduledBeyond(Math.max(1, props.backup().retention()))
                .concatMap(r -> runs.expired(r.id())
                        .then(audit.record("system", "backups.expired", r.id(), 200, r.fileName(), null)))
                .then(removeExpiredArchives());
    }

    /** Deletes the archives on this instance's disk whose runs have expired. */
    Mono<Void> removeExpiredArchives() {
        return runs.expiredRuns()
                .filter(r -> r.fileName() != null)
                .concatMap(r -> Mono.fromCallable(() -> deleteArchive(r)).subscribeOn(Schedulers.boundedElastic()))
                .then();
    }

    /** Deletes a run's archive only when its name is a plain file in the backup directory. */
    private boolean deleteArchive(BackupRun r) throws IOException {
        Path file;
        try {
            file = SafePath.fileIn(props.backupDir(), r.fileName());
        } catch (SafePath.UnsafePath e) {
            log.warn("Expired backup {} names an unsafe file; left alone: {}", r.id(), e.getMessage());
            return false;
        }
        return SafePath.isRegularFile(file) && Files.deleteIfExists(file);
    }

    /** True while this instance writes a backup or finishes one (audit row, retention). */
    boolean busy() {
        return busy.get();
    }

    /**
     * Marks runs an earlier process of this instance left unfinished (it was stopped mid-backup) as
     * failed; a run this process started is never touched, however late the check runs.
     */
    Mono<Long> failInterrupted() {
        return runs.failInterrupted(instance, bootedAt, clock.instant());
    }

    private static String instanceName(KbProperties props) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        String name = host + ":" + props.dataDir().toAbsolutePath();
        return name.length() > 100 ? name.substring(name.length() - 100) : name;
    }
}
